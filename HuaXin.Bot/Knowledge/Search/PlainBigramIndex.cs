using System.Collections.Concurrent;
using HuaXin.Bot.Knowledge.Ranking;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>Plain BM25 (k1 1.2, b 0.75) over the overlapping character bigrams of whole clauses (title, heading path and
/// text; the chunks of one clause joined), with no lexicon and no field weights. It is the floor of retrieval: the
/// search blends its ranking with the lexicon-aware one, and the eval reports it as the baseline.</summary>
public sealed class PlainBigramIndex
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    private readonly Dictionary<string, (int[] Clauses, float[] Weights)> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IndexedChunk> _byKey;
    private readonly Dictionary<string, string> _normalized;
    private readonly string _corpus;
    private readonly ConcurrentDictionary<string, AnswerType> _gives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _titleBigrams;

    public PlainBigramIndex(IEnumerable<IndexedChunk> chunks)
    {
        var clauses = new List<IndexedChunk>();
        var counts = new List<Dictionary<string, int>>();
        foreach (var parts in chunks.GroupBy(c => c.ClauseKey).Select(g => g.OrderBy(c => c.Ordinal).ToList()))
        {
            var clause = parts[0] with { Text = string.Join('\n', parts.Select(p => p.Text)) };
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in Bigrams($"{clause.Title}\n{string.Join('\n', clause.Headings)}\n{clause.Text}"))
            {
                tf[term] = tf.GetValueOrDefault(term) + 1;
            }
            clauses.Add(clause);
            counts.Add(tf);
        }
        Clauses = clauses;
        _byKey = clauses.ToDictionary(c => c.ClauseKey, StringComparer.Ordinal);
        _normalized = clauses.ToDictionary(c => c.ClauseKey, c => TextNormalizer.Normalize(c.Text), StringComparer.Ordinal);
        _corpus = string.Join('\n', clauses.GroupBy(c => c.DocId)
            .Select(g => TextNormalizer.Normalize(g.First().Title + "\n" + string.Join('\n', g.Select(c => string.Join(' ', c.Headings) + "\n" + c.Text)))));
        var titles = clauses.GroupBy(c => c.DocId)
            .ToDictionary(g => g.Key, g => Bigrams(g.First().Title).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        // 职工, 管理, 办法: bigrams many titles share name no topic.
        var common = titles.Values.SelectMany(t => t).GroupBy(b => b).Where(g => g.Count() > Math.Max(1, titles.Count / 4))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        _titleBigrams = titles.ToDictionary(t => t.Key, t => t.Value.Where(b => !common.Contains(b)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var lengths = counts.Select(c => c.Values.Sum()).ToArray();
        var average = Math.Max(1f, (float)lengths.DefaultIfEmpty(0).Average());
        var building = new Dictionary<string, (List<int> Clauses, List<float> Weights)>(StringComparer.Ordinal);
        for (var c = 0; c < counts.Count; c++)
        {
            foreach (var (term, tf) in counts[c])
            {
                if (!building.TryGetValue(term, out var list))
                {
                    building[term] = list = ([], []);
                }
                list.Clauses.Add(c);
                list.Weights.Add(tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[c] / average)));
            }
        }
        var n = counts.Count;
        foreach (var (term, list) in building)
        {
            var idf = (float)Math.Log(1 + (n - list.Clauses.Count + 0.5) / (list.Clauses.Count + 0.5));
            _postings[term] = (list.Clauses.ToArray(), list.Weights.Select(w => w * idf).ToArray());
        }
    }

    /// <summary>One entry per clause, its chunks' texts joined.</summary>
    public IReadOnlyList<IndexedChunk> Clauses { get; }

    /// <summary>The whole clause a chunk belongs to, or the chunk itself when the index does not hold its clause.</summary>
    public IndexedChunk Whole(IndexedChunk chunk) => _byKey.GetValueOrDefault(chunk.ClauseKey, chunk);

    /// <summary>The clause's whole text in normal form (what features look for terms in).</summary>
    public string Normalized(string clauseKey) => _normalized.GetValueOrDefault(clauseKey, "");

    /// <summary>The kinds among <paramref name="wanted"/> that the clause states an answer of
    /// (<see cref="AnswerTypes.Present"/> on its normal form). Every question asks this of the same clauses, so each
    /// clause is read once, when first asked, not once per question.</summary>
    public AnswerType Gives(string clauseKey, AnswerType wanted) =>
        _gives.GetOrAdd(clauseKey, key => AnswerTypes.Present(Normalized(key), AnswerTypes.All)) & wanted;

    /// <summary>Whether the text, or the <paramref name="terms"/> the search read it as, hold two bigrams of the title of
    /// one of <paramref name="otherDocIds"/> that few titles share and that <paramref name="docId"/>'s title lacks.</summary>
    public bool NamesTitleOf(string text, IEnumerable<string> terms, string docId, IEnumerable<string> otherDocIds)
    {
        var others = otherDocIds.Where(d => d != docId).Select(d => _titleBigrams.GetValueOrDefault(d)).OfType<HashSet<string>>().ToList();
        if (others.Count == 0) return false;
        var own = _titleBigrams.GetValueOrDefault(docId);
        var asked = Bigrams(text).Concat(terms).Where(b => own is null || !own.Contains(b)).ToHashSet(StringComparer.Ordinal);
        return others.Any(other => other.Count(asked.Contains) >= 2);
    }

    /// <summary>Whether any document uses the text (normal form) at all: a bigram the index lacks answers at once.</summary>
    public bool Mentions(string text) =>
        (text.Length < 2 || Enumerable.Range(0, text.Length - 1).All(i => _postings.ContainsKey(text.Substring(i, 2))))
        && _corpus.Contains(text, StringComparison.Ordinal);

    /// <summary>The best clauses for the question, best first; none when no clause shares a bigram with it.</summary>
    public IReadOnlyList<(IndexedChunk Clause, double Score)> Search(string question, int top)
    {
        var scores = new Dictionary<int, float>();
        foreach (var term in Bigrams(question).Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                continue;
            }
            for (var i = 0; i < postings.Clauses.Length; i++)
            {
                scores[postings.Clauses[i]] = scores.GetValueOrDefault(postings.Clauses[i]) + postings.Weights[i];
            }
        }
        return scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(top)
            .Select(kv => (Clauses[kv.Key], (double)kv.Value)).ToList();
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
