using System.Collections.Concurrent;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>Turns a message and its evidence into the feature vector the fitted scorer weighs: taxonomy cue scores per
/// category, the share of the matched clauses each department owns, the categories those clauses speak of, purpose
/// cues, which slots are stated, and hashed character unigrams and bigrams.</summary>
public sealed class RequestFeatures
{
    private readonly Taxonomy _taxonomy;
    private readonly IReadOnlyList<string> _departments;

    public RequestFeatures(Taxonomy taxonomy, int buckets)
    {
        _taxonomy = taxonomy;
        _departments = taxonomy.Departments;
        Buckets = buckets;
        var codes = taxonomy.Categories.Select(c => c.Code).ToList();
        Names =
        [
            .. codes.Select(c => $"cue:{c}"),
            .. codes.Select(c => $"top:{c}"),
            .. _departments.Select(d => $"owner:{d}"),
            .. codes.Select(c => $"clause:{c}"),
            "request", "question", "status", "staff", "rating",
            "phone", "address", "when", "relation", "asks", "length",
        ];
    }

    /// <summary>Names of the dense features, in vector order; the hashed n-grams follow them.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Buckets { get; }

    public int Length => Names.Count + Buckets;

    public float[] Build(string text, IReadOnlyList<EvidenceClause> evidence, IReadOnlyDictionary<string, SlotMatch> slots)
    {
        var x = new float[Length];
        var i = 0;
        var scores = _taxonomy.Categories.Select(c => c.Cues.Score(text)).ToList();
        var best = scores.Max();
        foreach (var s in scores) x[i++] = FeatureHash.LogScore(s);
        foreach (var s in scores) x[i++] = best > 0 && s == best ? 1 : 0;

        var total = evidence.Sum(e => Math.Max(0, e.Score));
        foreach (var department in _departments)
            x[i++] = total <= 0 ? 0 : (float)(evidence.Where(e => e.Owner == department).Sum(e => Math.Max(0, e.Score)) / total);
        var clauseCues = evidence.Select(e => ClauseCues(e.Text)).ToList();
        for (var c = 0; c < _taxonomy.Categories.Count; c++)
        {
            var sum = 0d;
            for (var k = 0; k < evidence.Count; k++) sum += Math.Max(0, evidence[k].Score) / total * clauseCues[k][c];
            x[i++] = total <= 0 ? 0 : (float)sum;
        }

        x[i++] = FeatureHash.LogScore(_taxonomy.RequestCues.Score(text));
        x[i++] = FeatureHash.LogScore(_taxonomy.QuestionCues.Score(text));
        x[i++] = FeatureHash.LogScore(_taxonomy.StatusCues.Score(text));
        x[i++] = FeatureHash.LogScore(_taxonomy.StaffCues.Score(text));
        x[i++] = FeatureHash.LogScore(_taxonomy.RatingCues.Score(text));
        foreach (var slot in new[] { SlotNames.Phone, SlotNames.Address, SlotNames.When, SlotNames.Relation })
            x[i++] = slots.ContainsKey(slot) ? 1 : 0;
        x[i++] = text.TrimEnd().EndsWith('?') || text.TrimEnd().EndsWith('？') ? 1 : 0;
        x[i++] = Math.Min(text.Length, 100) / 100f;

        if (Buckets > 0)
        {
            SetGrams(text, x, Names.Count);
        }
        return x;
    }

    // A clause's cue scores depend on its text alone, and retrieval brings the same clauses back turn after turn: each is
    // scored against the categories once (log(1 + score) per category), not on every turn it is evidence for. Bounded,
    // so a corpus far larger than the shipped one cannot grow it without end.
    private readonly ConcurrentDictionary<string, double[]> _clauseCues = new(StringComparer.Ordinal);
    private const int RememberedClauses = 2048;

    private double[] ClauseCues(string text)
    {
        if (_clauseCues.TryGetValue(text, out var known)) return known;
        if (_clauseCues.Count >= RememberedClauses) _clauseCues.Clear();
        return _clauseCues[text] = _taxonomy.Categories.Select(c => Math.Log(1 + c.Cues.Score(text))).ToArray();
    }

    // Characters that carry meaning: CJK and letters; digits become one symbol so numbers do not spread over buckets.
    // Hashed where they lie in the text, not made into strings on every message.
    private void SetGrams(string text, float[] x, int offset)
    {
        var chars = text.Where(c => char.IsLetterOrDigit(c)).Select(c => char.IsDigit(c) ? '#' : char.ToLowerInvariant(c)).ToArray();
        for (var k = 0; k < chars.Length; k++)
        {
            x[offset + FeatureHash.Bucket(chars.AsSpan(k, 1), Buckets)] = 1;
            if (k + 1 < chars.Length) x[offset + FeatureHash.Bucket(chars.AsSpan(k, 2), Buckets)] = 1;
        }
    }
}
