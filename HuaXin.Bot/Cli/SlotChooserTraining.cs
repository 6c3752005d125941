using System.Globalization;
using HuaXin.Bot.Dialogs.Evaluation;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Cli;

/// <summary>Fits and cross-validates the chooser of one slot (relation or when): every candidate of a labelled request
/// is an example, positive when its value is the gold one ("none" when the gold has none). Candidates are built with
/// the gold category, as the service builds them with the category it has decided.</summary>
internal sealed class SlotChooserTraining(string slot, string version, Func<string, string?, IReadOnlyList<SlotCandidate>> build, int buckets, float l2)
{
    public sealed record Message(string Id, string Text, string? Gold, IReadOnlyList<SlotCandidate> Candidates);

    public Message Prepare(GoldRequest gold, string normalized) =>
        new(gold.Id, normalized, gold.Slots.GetValueOrDefault(slot), build(normalized, gold.Category));

    /// <summary>Each cross-validated wrong choice, for --verbose.</summary>
    public List<string> Mistakes { get; } = [];

    public CandidateModel Fit(IReadOnlyList<Message> messages)
    {
        var examples = messages.SelectMany(m => m.Candidates.Select(c => (CandidateModel.Vector(c.Features, buckets), IsGold(m.Gold, c)))).ToList();
        var (weights, bias) = LogisticTrainer.Fit(examples, l2);
        return new CandidateModel { Features = version, Buckets = buckets, Weights = weights, Bias = bias };
    }

    /// <summary>Slot precision, recall and F1 of weights fitted without each fold, scored as eval --requests scores them;
    /// and how many gold values any candidate offers (the most the chooser can find).</summary>
    public string CrossValidate(IReadOnlyList<Message> messages, int folds)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var k = 0; k < folds; k++)
        {
            var model = Fit(messages.Where((_, i) => i % folds != k).ToList());
            foreach (var m in messages.Where((_, i) => i % folds == k))
            {
                var got = model.Choose(m.Candidates)?.Value;
                if (m.Gold is not null && got is not null && SlotValueComparer.Matches(slot, m.Gold, got)) tp++;
                else
                {
                    if (got != m.Gold) Mistakes.Add($"{m.Id}: {slot} gold '{m.Gold}' got '{got}' | {m.Text}");
                    if (got is not null) fp++;
                    if (m.Gold is not null) fn++;
                }
            }
        }
        var gold = messages.Count(m => m.Gold is not null);
        var covered = messages.Count(m => m.Gold is not null && m.Candidates.Any(c => IsGold(m.Gold, c)));
        double p = tp + fp == 0 ? 1 : (double)tp / (tp + fp), r = gold == 0 ? 1 : (double)tp / gold;
        return string.Create(CultureInfo.InvariantCulture,
            $"{slot} ({folds}-fold, gold category): precision {p:F3}, recall {r:F3}, F1 {(p + r == 0 ? 0 : 2 * p * r / (p + r)):F3}; candidates offer {covered}/{gold} gold values");
    }

    private bool IsGold(string? gold, SlotCandidate c) =>
        c.Value is null ? gold is null : gold is not null && SlotValueComparer.Matches(slot, gold, c.Value);
}
