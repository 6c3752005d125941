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
        foreach (var category in _taxonomy.Categories)
            x[i++] = total <= 0 ? 0 : (float)evidence.Sum(e => Math.Max(0, e.Score) / total * Math.Log(1 + category.Cues.Score(e.Text)));

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
            foreach (var gram in Grams(text)) x[Names.Count + FeatureHash.Bucket(gram, Buckets)] = 1;
        }
        return x;
    }

    // Characters that carry meaning: CJK and letters; digits become one symbol so numbers do not spread over buckets.
    private static IEnumerable<string> Grams(string text)
    {
        var chars = text.Where(c => char.IsLetterOrDigit(c)).Select(c => char.IsDigit(c) ? '#' : char.ToLowerInvariant(c)).ToArray();
        for (var k = 0; k < chars.Length; k++)
        {
            yield return chars[k].ToString();
            if (k + 1 < chars.Length) yield return new string(chars, k, 2);
        }
    }
}
