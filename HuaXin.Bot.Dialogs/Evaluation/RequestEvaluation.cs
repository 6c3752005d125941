using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Evaluation;

/// <summary>Runs a labelled JSONL file through an <see cref="IRequestUnderstanding"/> and scores it.</summary>
public sealed class RequestEvaluation(IRequestUnderstanding understanding)
{
    private static readonly string[] ScoredSlots = ["phone", "relation", "city", "address", "when", "urgency", "description"];

    public async Task<EvaluationResult> RunAsync(string path, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path);
        return await RunAsync(reader, cancellationToken);
    }

    public async Task<EvaluationResult> RunAsync(TextReader reader, CancellationToken cancellationToken)
    {
        var bad = new List<BadLine>();
        var pairs = new List<(GoldRequest Gold, Abstractions.Understanding Predicted)>();
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            GoldRequest gold;
            try
            {
                gold = GoldRequest.Parse(line, lineNumber);
            }
            catch (FormatException e)
            {
                bad.Add(new BadLine(lineNumber, e.Message));
                continue;
            }
            pairs.Add((gold, await understanding.UnderstandAsync(gold.Text, cancellationToken)));
        }

        var outputs = pairs.Select(p => new EvaluationOutput(p.Gold.Id, p.Predicted.IsRequest, p.Predicted.Category, p.Predicted.Department, p.Predicted.Slots)).ToList();
        return new EvaluationResult(Score(pairs, bad), outputs);
    }

    private static EvaluationReport Score(List<(GoldRequest Gold, Abstractions.Understanding Predicted)> pairs, List<BadLine> bad)
    {
        var requests = pairs.Where(p => p.Gold.IsRequest).ToList();
        var mistakes = pairs.Where(p => p.Gold.IsRequest != p.Predicted.IsRequest
                || (p.Gold.IsRequest && (p.Gold.Category != p.Predicted.Category || p.Gold.Department != p.Predicted.Department)))
            .Select(p => $"{p.Gold.Id}: gold {Describe(p.Gold.IsRequest, p.Gold.Category)} got {Describe(p.Predicted.IsRequest, p.Predicted.Category)} | {p.Gold.Text}")
            .Concat(requests.SelectMany(p => SlotMistakes(p.Gold, p.Predicted)))
            .ToList();
        // Slots absent from every gold line (e.g. description) have nothing to score against.
        var slots = ScoredSlots.Where(s => requests.Any(p => p.Gold.Slots.ContainsKey(s))).Select(s => ScoreSlot(s, requests)).ToList();
        return new EvaluationReport(
            pairs.Count,
            requests.Count,
            Accuracy(pairs, p => p.Gold.IsRequest == p.Predicted.IsRequest),
            Accuracy(requests, p => p.Predicted.IsRequest && p.Gold.Category == p.Predicted.Category),
            Accuracy(requests, p => p.Predicted.IsRequest && p.Gold.Department == p.Predicted.Department),
            slots,
            bad,
            mistakes);
    }

    private static SlotScore ScoreSlot(string slot, List<(GoldRequest Gold, Abstractions.Understanding Predicted)> requests)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (gold, predicted) in requests)
        {
            var hasGold = gold.Slots.TryGetValue(slot, out var g);
            var hasPredicted = predicted.Slots.TryGetValue(slot, out var p);
            if (hasGold && hasPredicted && SlotValueComparer.Matches(slot, g!, p!)) tp++;
            else
            {
                if (hasPredicted) fp++;
                if (hasGold) fn++;
            }
        }
        return new SlotScore(slot, tp, fp, fn);
    }

    private static IEnumerable<string> SlotMistakes(GoldRequest gold, Abstractions.Understanding predicted) =>
        ScoredSlots.Where(s => gold.Slots.ContainsKey(s) || (s != "description" && predicted.Slots.ContainsKey(s)))
            .Select(s => (slot: s, gold: gold.Slots.GetValueOrDefault(s), got: predicted.Slots.GetValueOrDefault(s)))
            .Where(x => x.gold != x.got && !(x.gold is not null && x.got is not null && SlotValueComparer.Matches(x.slot, x.gold, x.got)))
            .Select(x => $"{gold.Id}: {x.slot} gold '{x.gold}' got '{x.got}' | {gold.Text}");

    private static double Accuracy<T>(IReadOnlyCollection<T> items, Func<T, bool> correct) =>
        items.Count == 0 ? 1 : (double)items.Count(correct) / items.Count;

    private static string Describe(bool isRequest, string? category) => isRequest ? category ?? "request(?)" : "question";
}

/// <param name="Outputs">One record per evaluated line, in file order, for the host to write as JSONL.</param>
public sealed record EvaluationResult(EvaluationReport Report, IReadOnlyList<EvaluationOutput> Outputs);
