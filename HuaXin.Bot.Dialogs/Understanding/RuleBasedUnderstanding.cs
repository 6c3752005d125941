using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>Understands a first message with rules from the taxonomy: request or question, category, and slots. No LLM.</summary>
public sealed class RuleBasedUnderstanding : IRequestUnderstanding
{
    private readonly CategoryClassifier _classifier;
    private readonly IntentScorer _intent;
    private readonly SlotExtractors _slots;
    private readonly DescriptionExtractor _description = new();

    public RuleBasedUnderstanding(Taxonomy taxonomy, TimeProvider time)
    {
        _classifier = new CategoryClassifier(taxonomy);
        _intent = new IntentScorer(taxonomy);
        _slots = new SlotExtractors(taxonomy, time);
    }

    public Task<Abstractions.Understanding> UnderstandAsync(string text, CancellationToken cancellationToken) =>
        Task.FromResult(Understand(text));

    public Abstractions.Understanding Understand(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var found = _slots.ExtractStated(normalized);
        var (category, categoryScore) = _classifier.Classify(normalized);
        var scores = _intent.Score(normalized, found.ContainsKey(SlotNames.Phone), found.ContainsKey(SlotNames.Address), categoryScore);
        if (!scores.IsRequest)
            return new Abstractions.Understanding(false, null, null, new Dictionary<string, string>());

        var slots = found.ToDictionary(s => s.Key, s => s.Value.Value);
        // Staff read the description: keep the user's own characters, not the normalized form.
        slots[SlotNames.Description] = _description.Extract(text)!.Value;
        return new Abstractions.Understanding(true, category?.Code, category?.Department, slots,
            found.GetValueOrDefault(SlotNames.When)?.Window);
    }
}
