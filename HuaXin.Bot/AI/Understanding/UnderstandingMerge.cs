using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;
using RequestReading = HuaXin.Bot.Dialogs.Abstractions.Understanding;

namespace HuaXin.Bot.AI.Understanding;

/// <summary>How the model's reading is combined with the rules'. The rules are exact where they match, the model
/// reads phrasing they miss; so:
/// <list type="bullet">
/// <item>request: the rules' yes stands; the model can add a yes only together with a valid category;</item>
/// <item>category: the model's if it is a taxonomy code, else the rules'; department always from the taxonomy;</item>
/// <item>slots: every value the rules found stands (phone included); the model only fills gaps, and only with values
/// that pass the same checks as the rules: phone = 11-digit mobile that occurs in the text; relation, urgency, city from
/// the taxonomy's vocabularies; address and time words that occur verbatim in the text;</item>
/// <item>description and the resolved time window: always the rules'.</item>
/// </list></summary>
public static partial class UnderstandingMerge
{
    private static readonly DescriptionExtractor Description = new();

    public static RequestReading Merge(RequestReading rules, IReadOnlyDictionary<string, string> model, bool modelIsRequest,
        Taxonomy taxonomy, string text)
    {
        var category = taxonomy.Find(model.GetValueOrDefault(TriageTool.Category)) is { } valid ? valid : taxonomy.Find(rules.Category);
        var isRequest = rules.IsRequest || (modelIsRequest && category is not null);
        if (!isRequest)
        {
            return rules;
        }
        var slots = new Dictionary<string, string>(rules.Slots);
        foreach (var (name, value) in model)
        {
            if (!slots.ContainsKey(name) && Valid(name, value.Trim(), taxonomy, text) is { } accepted)
            {
                slots[name] = accepted;
            }
        }
        if (!slots.ContainsKey(SlotNames.Description) && Description.Extract(text) is { } description)
        {
            slots[SlotNames.Description] = description.Value;
        }
        return new RequestReading(true, category?.Code, category?.Department, slots, rules.When);
    }

    private static string? Valid(string name, string value, Taxonomy taxonomy, string text) => name switch
    {
        SlotNames.Phone when Mobile().IsMatch(value) && Digits(text).Contains(value, StringComparison.Ordinal) => value,
        SlotNames.Relation when taxonomy.RelationWords.Values.Contains(value) => value,
        SlotNames.Urgency when value is SlotNames.Urgent or SlotNames.NotUrgent => value,
        SlotNames.City => taxonomy.Places.Places.GetValueOrDefault(value) ?? (taxonomy.Places.Places.Values.Contains(value) ? value : null),
        SlotNames.Address or SlotNames.When when value.Length >= 2 && text.Contains(value, StringComparison.Ordinal) => value,
        _ => null,
    };

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
