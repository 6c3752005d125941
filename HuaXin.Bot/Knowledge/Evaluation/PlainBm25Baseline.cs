using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Evaluation;

/// <summary>The floor every retrieval change is measured against: plain BM25 (k1 1.2, b 0.75) over the overlapping
/// character bigrams of each clause (title, heading path and text; the product's chunks of one clause joined), no
/// lexicon, no field weights. It abstains only when no clause shares a bigram with the question.</summary>
public sealed class PlainBm25Baseline
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly List<(IndexedChunk Clause, Dictionary<string, int> Tf, int Length)> _clauses;
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public PlainBm25Baseline(IEnumerable<IndexedChunk> chunks)
    {
        _clauses = [];
        foreach (var parts in chunks.GroupBy(c => c.ClauseKey).Select(g => g.OrderBy(c => c.Ordinal).ToList()))
        {
            var clause = parts[0] with { Text = string.Join('\n', parts.Select(p => p.Text)) };
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in Bigrams($"{clause.Title}\n{string.Join('\n', clause.Headings)}\n{clause.Text}"))
            {
                tf[term] = tf.GetValueOrDefault(term) + 1;
            }
            _clauses.Add((clause, tf, tf.Values.Sum()));
        }
        foreach (var term in _clauses.SelectMany(c => c.Tf.Keys))
        {
            _df[term] = _df.GetValueOrDefault(term) + 1;
        }
        _averageLength = Math.Max(1, _clauses.Select(c => c.Length).DefaultIfEmpty(0).Average());
    }

    public KnowledgeAnswer Ask(string question, int top = 3)
    {
        var terms = Bigrams(question).Distinct().Where(_df.ContainsKey).ToList();
        var n = _clauses.Count;
        var hits = _clauses.Select(c => (c.Clause, Score: terms.Sum(t => c.Tf.TryGetValue(t, out var tf)
                ? Math.Log(1 + (n - _df[t] + 0.5) / (_df[t] + 0.5)) * tf * (K1 + 1) / (tf + K1 * (1 - B + B * c.Length / _averageLength))
                : 0)))
            .Where(h => h.Score > 0)
            .OrderByDescending(h => h.Score)
            .Take(top)
            .Select(h => new Citation(h.Clause.DocId, h.Clause.Title, h.Clause.Headings, h.Clause.Text, h.Score))
            .ToList();
        return new KnowledgeAnswer(hits.Count > 0, "", hits);
    }

    /// <summary>Overlapping bigrams of each run of Chinese characters; letter and digit runs whole.</summary>
    private static IEnumerable<string> Bigrams(string text)
    {
        foreach (var (run, cjk) in TextNormalizer.Runs(TextNormalizer.Normalize(text)))
        {
            if (!cjk || run.Length == 1)
            {
                yield return run;
                continue;
            }
            for (var i = 0; i + 1 < run.Length; i++)
            {
                yield return run.Substring(i, 2);
            }
        }
    }
}
