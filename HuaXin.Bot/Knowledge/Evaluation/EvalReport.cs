using System.Globalization;
using System.Text;

namespace HuaXin.Bot.Knowledge.Evaluation;

/// <summary>Retrieval quality metrics over a set of eval results.</summary>
public sealed record EvalReport(
    int Questions,
    double Hit1,
    double Hit3,
    double SectionHit1,
    double SectionHit3,
    double AbstentionPrecision,
    double AbstentionRecall,
    int AnswerableRefused,
    int Answerable,
    double LatencyP50Ms,
    double LatencyP99Ms,
    double SearchP50Ms,
    double SearchP99Ms,
    IReadOnlyDictionary<string, KindScore> ByKind)
{
    public static EvalReport From(IReadOnlyList<EvalResult> results)
    {
        var answerable = results.Where(r => r.Question.Answerable).ToList();
        var abstained = results.Where(r => !r.Answer.Answered).ToList();
        var unanswerable = results.Where(r => !r.Question.Answerable).ToList();
        var latencies = results.Select(r => r.LatencyMs).Order().ToList();
        var searches = results.Select(r => r.SearchMs).Order().ToList();
        var byKind = results.GroupBy(r => r.Question.KindOrDefault).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => g.First().Question.Answerable
                ? new KindScore(g.Count(), Share(g.ToList(), r => r.Hit1), Share(g.ToList(), r => r.Hit3), SectionShare(g.ToList(), r => r.SectionHit3))
                // For unanswerable questions a "hit" is abstaining.
                : KindScore.Abstention(g.Count(), Share(g.ToList(), r => !r.Answer.Answered)));
        return new EvalReport(
            results.Count,
            Share(answerable, r => r.Hit1),
            Share(answerable, r => r.Hit3),
            SectionShare(answerable, r => r.SectionHit1),
            SectionShare(answerable, r => r.SectionHit3),
            Share(abstained, r => !r.Question.Answerable),
            Share(unanswerable, r => !r.Answer.Answered),
            answerable.Count(r => !r.Answer.Answered),
            answerable.Count,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            Percentile(searches, 0.50),
            Percentile(searches, 0.99),
            byKind);
    }

    public override string ToString() => SideBySide(this, null);

    /// <summary>The product's report with the baseline's beside it, so no number is read without its floor.</summary>
    public static string SideBySide(EvalReport product, EvalReport? baseline)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        void Row(string name, Func<EvalReport, string> value) =>
            text.AppendLine(string.Create(culture, $"{name,-24} {value(product),-22} {(baseline is null ? "" : value(baseline))}").TrimEnd());
        text.AppendLine($"{"",-24} {"product",-22} {(baseline is null ? "" : "baseline (plain BM25 bigrams)")}".TrimEnd());
        Row("questions", r => r.Questions.ToString(culture));
        Row("hit@1", r => r.Hit1.ToString("F3", culture));
        Row("hit@3", r => r.Hit3.ToString("F3", culture));
        Row("section hit@1", r => r.SectionHit1.ToString("F3", culture));
        Row("section hit@3", r => r.SectionHit3.ToString("F3", culture));
        Row("abstention precision", r => r.AbstentionPrecision.ToString("F3", culture));
        Row("abstention recall", r => r.AbstentionRecall.ToString("F3", culture));
        Row("answerable refused", r => $"{r.AnswerableRefused} / {r.Answerable}");
        Row("search p50 / p99 ms", r => $"{r.SearchP50Ms:F2} / {r.SearchP99Ms:F2}");
        Row("latency p50 / p99 ms", r => $"{r.LatencyP50Ms:F2} / {r.LatencyP99Ms:F2}");
        text.AppendLine("by kind: hit@1 / hit@3 / section hit@3 (unanswerable: share abstained)");
        foreach (var (kind, score) in product.ByKind)
        {
            Row($"  {kind} (n={score.Count})", r => r.ByKind.TryGetValue(kind, out var s) ? s.ToString() : "");
        }
        return text.ToString();
    }

    // An empty denominator is reported as 1: nothing was asked of that metric, so nothing failed.
    private static double Share(IReadOnlyCollection<EvalResult> results, Func<EvalResult, bool> predicate) =>
        results.Count == 0 ? 1 : (double)results.Count(predicate) / results.Count;

    private static double SectionShare(IReadOnlyCollection<EvalResult> answerable, Func<EvalResult, bool> hit) =>
        Share(answerable.Where(r => !string.IsNullOrWhiteSpace(r.Question.Section)).ToList(), hit);

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <param name="Abstained">For unanswerable questions: the share abstained (the hit columns are then unused).</param>
public sealed record KindScore(int Count, double Hit1, double Hit3, double SectionHit3, double? Abstained = null)
{
    public static KindScore Abstention(int count, double abstained) => new(count, 0, 0, 0, abstained);

    public override string ToString() => Abstained is { } share
        ? string.Create(CultureInfo.InvariantCulture, $"abstained {share:F3}")
        : string.Create(CultureInfo.InvariantCulture, $"{Hit1:F3} / {Hit3:F3} / {SectionHit3:F3}");
}
