using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Reads a reply to a slot prompt: strictly with the extractor, or leniently for free-text slots
/// (a prompted "哪个城市？" answered "老家镇上" is still an answer).</summary>
public sealed partial class SlotAnswers(SlotExtractors extractors)
{
    private const int MaxFreeText = 60;

    public SlotMatch? Strict(string slot, string text) => extractors[slot].Extract(text);

    public SlotMatch? Lenient(string slot, string text)
    {
        if (Strict(slot, text) is { } match) return match;
        var trimmed = text.Trim().TrimEnd('。', '.');
        if (trimmed.Length is 0 or > MaxFreeText) return null;
        return slot switch
        {
            SlotNames.City or SlotNames.Address or SlotNames.Description => new SlotMatch(trimmed),
            SlotNames.Relation when trimmed.Length <= 8 => new SlotMatch("其他"),
            SlotNames.Urgency => new SlotMatch(SlotNames.NotUrgent),
            // 尽快, 随时都行: kept as said; there is no window to check.
            SlotNames.When when trimmed.Length <= 12 && !Digits().IsMatch(trimmed) => new SlotMatch(trimmed),
            _ => null,
        };
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();
}
