using System.Globalization;
using System.Text;

namespace HuaXin.Bot.Knowledge.Evaluation;

/// <summary>Retrieval quality metrics over a set of eval results.</summary>
public sealed record EvalReport(
    int Questions,
    double Hit1,
    double Hit3,
    double SectionHit3,
    double AbstentionPrecision,
    double AbstentionRecall,
    double LatencyP50Ms,
    double LatencyP99Ms,
    IReadOnlyDictionary<string, (int Count, double Hit3)> ByKind)
{
    public static EvalReport From(IReadOnlyList<EvalResult> results)
    {
        var answerable = results.Where(r => r.Question.Answerable).ToList();
        var withSection = answerable.Where(r => !string.IsNullOrWhiteSpace(r.Question.Section)).ToList();
        var abstained = results.Where(r => !r.Answer.Answered).ToList();
        var unanswerable = results.Where(r => !r.Question.Answerable).ToList();
        var latencies = results.Select(r => r.LatencyMs).Order().ToList();
        var byKind = results.GroupBy(r => r.Question.KindOrDefault).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            // For unanswerable questions a "hit" is abstaining.
            g => (g.Count(), Share(g.ToList(), r => r.Question.Answerable ? r.Hit3 : !r.Answer.Answered)));
        return new EvalReport(
            results.Count,
            Share(answerable, r => r.Hit1),
            Share(answerable, r => r.Hit3),
            Share(withSection, r => r.SectionHit3),
            Share(abstained, r => !r.Question.Answerable),
            Share(unanswerable, r => !r.Answer.Answered),
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            byKind);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"questions              {Questions}");
        text.AppendLine(culture, $"hit@1                  {Hit1:F3}");
        text.AppendLine(culture, $"hit@3                  {Hit3:F3}");
        text.AppendLine(culture, $"section hit@3          {SectionHit3:F3}");
        text.AppendLine(culture, $"abstention precision   {AbstentionPrecision:F3}");
        text.AppendLine(culture, $"abstention recall      {AbstentionRecall:F3}");
        text.AppendLine(culture, $"latency p50 / p99 ms   {LatencyP50Ms:F2} / {LatencyP99Ms:F2}");
        text.AppendLine("hit@3 by kind (unanswerable: share abstained)");
        foreach (var (kind, (count, hit3)) in ByKind)
        {
            text.AppendLine(culture, $"  {kind,-20} {hit3:F3}  (n={count})");
        }
        return text.ToString();
    }

    // An empty denominator is reported as 1: nothing was asked of that metric, so nothing failed.
    private static double Share(IReadOnlyCollection<EvalResult> results, Func<EvalResult, bool> predicate) =>
        results.Count == 0 ? 1 : (double)results.Count(predicate) / results.Count;

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
