using System.Buffers;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>An immutable in-memory BM25F index over character unigrams and bigrams. Title and heading matches count
/// more than body matches; the per-field length normalization is done at build time so a query only adds up
/// precomputed term weights.</summary>
public sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const float BodyWeight = 1f;
    private const float HeadingWeight = 2f;
    private const float TitleWeight = 1.5f;
    private const double MaxExpansionShare = 0.25;

    private readonly Dictionary<string, Postings> _postings;
    private readonly Dictionary<char, HashSet<char>> _next = [];
    private readonly Dictionary<char, HashSet<char>> _previous = [];
    private readonly ArrayPool<float> _buffers = ArrayPool<float>.Create();

    public Bm25Index(IReadOnlyList<IndexedChunk> chunks)
    {
        Chunks = chunks;
        Documents = chunks.Select(c => c.DocId).Distinct().Count();
        var fields = chunks.Select(c => new[]
        {
            Count(TextNormalizer.Terms(c.Text)),
            Count(c.Headings.SelectMany(TextNormalizer.Terms)),
            Count(TextNormalizer.Terms(c.Title)),
        }).ToArray();
        var averages = Enumerable.Range(0, 3).Select(f => Math.Max(1f, (float)fields.Select(x => x[f].Values.Sum()).DefaultIfEmpty(0).Average())).ToArray();
        float[] weights = [BodyWeight, HeadingWeight, TitleWeight];

        var building = new Dictionary<string, (List<int> Chunks, List<float> Weights)>(StringComparer.Ordinal);
        for (var c = 0; c < fields.Length; c++)
        {
            var combined = new Dictionary<string, float>(StringComparer.Ordinal);
            for (var f = 0; f < 3; f++)
            {
                var length = fields[c][f].Values.Sum();
                var norm = 1 - B + B * length / averages[f];
                foreach (var (term, tf) in fields[c][f])
                {
                    combined[term] = combined.GetValueOrDefault(term) + weights[f] * tf / norm;
                }
            }
            foreach (var (term, tf) in combined)
            {
                if (!building.TryGetValue(term, out var list))
                {
                    building[term] = list = ([], []);
                }
                list.Chunks.Add(c);
                // BM25 saturation of the combined term frequency, so scoring is one multiply-add per posting.
                list.Weights.Add(tf * (K1 + 1) / (tf + K1));
            }
        }
        _postings = building.ToDictionary(kv => kv.Key, kv => new Postings(kv.Value.Chunks.ToArray(), kv.Value.Weights.ToArray(), Idf(kv.Value.Chunks.Count)), StringComparer.Ordinal);
        foreach (var term in _postings.Keys.Where(t => t.Length == 2 && TextNormalizer.IsCjk(t[0]) && TextNormalizer.IsCjk(t[1])))
        {
            Add(_next, term[0], term[1]);
            Add(_previous, term[1], term[0]);
        }
    }

    public IReadOnlyList<IndexedChunk> Chunks { get; }

    /// <summary>How many documents the chunks come from.</summary>
    public int Documents { get; }

    /// <summary>Inverse document frequency; terms that occur nowhere get the highest value, which matters for coverage.</summary>
    public double Idf(string term) => _postings.TryGetValue(term, out var p) ? p.Idf : Idf(0);

    public int DocumentFrequency(string term) => _postings.TryGetValue(term, out var p) ? p.Chunks.Length : 0;

    public bool Contains(string term) => _postings.ContainsKey(term);

    /// <summary>How many documents use the term, counted up to <paramref name="limit"/>: a term few documents use names
    /// a topic, one most documents use (材料, 申请) names an aspect of any topic.</summary>
    public int DocumentSpread(string term, int limit)
    {
        if (!_postings.TryGetValue(term, out var postings))
        {
            return 0;
        }
        var documents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in postings.Chunks)
        {
            if (documents.Add(Chunks[c].DocId) && documents.Count >= limit)
            {
                break;
            }
        }
        return documents.Count;
    }

    public bool InDocument(string term, string docId) =>
        _postings.TryGetValue(term, out var postings) && postings.Chunks.Any(c => Chunks[c].DocId == docId);

    /// <summary>Characters seen right after <paramref name="c"/> in some indexed bigram.</summary>
    public IReadOnlySet<char> Following(char c) => _next.TryGetValue(c, out var s) ? s : [];

    /// <summary>Characters seen right before <paramref name="c"/> in some indexed bigram.</summary>
    public IReadOnlySet<char> Preceding(char c) => _previous.TryGetValue(c, out var s) ? s : [];

    /// <summary>Scores every chunk that matches at least one unit. A unit scores its best alternative (synonyms do not
    /// add up); an alternative scores the mean of its terms. Also returns, per hit, the share of the query's unit IDF
    /// the chunk matched ("coverage"), the feature abstention is based on.</summary>
    public IReadOnlyList<ScoredChunk> Score(IReadOnlyList<QueryUnit> units, int top)
    {
        var n = Chunks.Count;
        if (n == 0 || units.Count == 0 || top <= 0)
        {
            return [];
        }
        var total = _buffers.Rent(n);
        var covered = _buffers.Rent(n);
        var unitBest = _buffers.Rent(n);
        var alternative = _buffers.Rent(n);
        var matchedUnits = _buffers.Rent(n);
        var partialBest = _buffers.Rent(n);
        var anyTouched = new List<int>();
        var unitTouched = new List<int>();
        var alternativeTouched = new List<int>();
        double unitIdfSum = 0;
        try
        {
            foreach (var unit in units)
            {
                var unitIdf = CoverageWeight(unit);
                unitIdfSum += unitIdf;
                foreach (var alt in unit.Alternatives)
                {
                    if (alt.Partial)
                    {
                        ScorePartial(alt, n, partialBest, unitBest, unitTouched);
                        continue;
                    }
                    var share = alt.Weight / alt.Terms.Count;
                    var single = alt.Terms.Count == 1;
                    foreach (var term in alt.Terms)
                    {
                        // An expansion (synonym, typo guess) as common as a stop word adds cost, not evidence.
                        if (!_postings.TryGetValue(term, out var postings) || (alt.Weight < 1 && postings.Chunks.Length > n * MaxExpansionShare))
                        {
                            continue;
                        }
                        var w = (float)(postings.Idf * share);
                        var chunks = postings.Chunks;
                        var weights = postings.Weights;
                        if (single)
                        {
                            // Most alternatives are one bigram: take the unit's best directly, no per-alternative pass.
                            for (var i = 0; i < chunks.Length; i++)
                            {
                                var c = chunks[i];
                                var v = w * weights[i];
                                if (unitBest[c] == 0)
                                {
                                    unitTouched.Add(c);
                                }
                                if (v > unitBest[c])
                                {
                                    unitBest[c] = v;
                                }
                            }
                            continue;
                        }
                        for (var i = 0; i < chunks.Length; i++)
                        {
                            var c = chunks[i];
                            if (alternative[c] == 0)
                            {
                                alternativeTouched.Add(c);
                            }
                            alternative[c] += w * weights[i];
                        }
                    }
                    foreach (var c in alternativeTouched)
                    {
                        if (unitBest[c] == 0)
                        {
                            unitTouched.Add(c);
                        }
                        unitBest[c] = Math.Max(unitBest[c], alternative[c]);
                        alternative[c] = 0;
                    }
                    alternativeTouched.Clear();
                }
                foreach (var c in unitTouched)
                {
                    if (total[c] == 0)
                    {
                        anyTouched.Add(c);
                    }
                    total[c] += Math.Max(unitBest[c], partialBest[c]);
                    if (unitBest[c] > 0)
                    {
                        covered[c] += (float)unitIdf;
                        matchedUnits[c] += unit.Boundary ? 0 : 1;
                    }
                    unitBest[c] = 0;
                    partialBest[c] = 0;
                }
                unitTouched.Clear();
            }
            return TopK(anyTouched, total, covered, matchedUnits, unitIdfSum, top);
        }
        finally
        {
            foreach (var c in anyTouched)
            {
                total[c] = 0;
                covered[c] = 0;
                matchedUnits[c] = 0;
            }
            _buffers.Return(total);
            _buffers.Return(covered);
            _buffers.Return(unitBest);
            _buffers.Return(alternative);
            _buffers.Return(matchedUnits);
            _buffers.Return(partialBest);
        }
    }

    /// <summary>A partial alternative's score per chunk, apart from the unit's matches (<see cref="QueryAlternative.Partial"/>).</summary>
    private void ScorePartial(QueryAlternative alt, int n, float[] partialBest, float[] unitBest, List<int> unitTouched)
    {
        foreach (var term in alt.Terms)
        {
            if (!_postings.TryGetValue(term, out var postings) || postings.Chunks.Length > n * MaxExpansionShare)
            {
                continue;
            }
            var w = (float)(postings.Idf * alt.Weight / alt.Terms.Count);
            for (var i = 0; i < postings.Chunks.Length; i++)
            {
                var c = postings.Chunks[i];
                if (unitBest[c] == 0 && partialBest[c] == 0)
                {
                    unitTouched.Add(c);
                }
                partialBest[c] = Math.Max(partialBest[c], w * postings.Weights[i]);
            }
        }
    }

    /// <summary>The IDF of a term found in exactly one chunk: the unit of "specific evidence" abstention measures in,
    /// which scales with the corpus instead of being a fixed number.</summary>
    public double UniqueTermIdf => Idf(1);

    /// <summary>How much a unit counts for coverage: its IDF; word seams not at all, and single characters half,
    /// because one character says less about the topic than a word.</summary>
    public double CoverageWeight(QueryUnit unit) => unit.Boundary ? 0 : UnitIdf(unit) * (unit.Text.Length == 1 ? 0.5 : 1);

    /// <summary>The IDF a unit stands for: that of its most common known alternative, so a question phrased with a rare
    /// colloquial word is not treated as more specific than its standard synonym. A unit nothing matches gets the
    /// highest IDF: it is what the corpus lacks.</summary>
    public double UnitIdf(QueryUnit unit)
    {
        var known = unit.Alternatives.Where(a => !a.Partial && a.Terms.All(Contains)).Select(a => a.Terms.Average(Idf)).ToList();
        return known.Count > 0 ? known.Min() : Idf(0);
    }

    private List<ScoredChunk> TopK(List<int> candidates, float[] total, float[] covered, float[] matchedUnits, double unitIdfSum, int top)
    {
        var heap = new PriorityQueue<int, float>(top + 1);
        foreach (var c in candidates)
        {
            heap.Enqueue(c, total[c]);
            if (heap.Count > top)
            {
                heap.Dequeue();
            }
        }
        var result = new List<ScoredChunk>(heap.Count);
        while (heap.TryDequeue(out var c, out var score))
        {
            result.Add(new ScoredChunk(Chunks[c], score, unitIdfSum == 0 ? 0 : covered[c] / unitIdfSum, covered[c], (int)matchedUnits[c]));
        }
        result.Reverse();
        return result;
    }

    private double Idf(int documentFrequency) => Math.Log(1 + (Chunks.Count - documentFrequency + 0.5) / (documentFrequency + 0.5));

    private static Dictionary<string, int> Count(IEnumerable<string> terms)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return counts;
    }

    private static void Add(Dictionary<char, HashSet<char>> map, char key, char value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }
        set.Add(value);
    }

    private sealed record Postings(int[] Chunks, float[] Weights, double Idf);
}

/// <param name="Coverage">Share (0..1) of the question's IDF-weighted units this chunk matched.</param>
/// <param name="MatchedIdf">The IDF mass of the units matched: how much specific evidence there is.</param>
/// <param name="MatchedUnits">How many of the question's units (word seams aside) this chunk matched.</param>
public sealed record ScoredChunk(IndexedChunk Chunk, double Score, double Coverage, double MatchedIdf, int MatchedUnits)
{
    /// <summary>Whether the evidence is strong enough to answer from this chunk (set by the search's abstention rule).</summary>
    public bool Confident { get; init; }
}
