using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Safety;

/// <summary>Turns a message into the vector the fitted danger model weighs: the past / policy-or-hypothetical /
/// immediate / now markers, a person with a body in trouble, whether it asks, how much it reads like a policy question,
/// a request or a named service (the taxonomy's cues), its length, whether the trouble is over or not meant literally, whether it is a short reply that declines; the signs of
/// self-harm (taxonomy danger.harm) alone, with the speaker as subject, and in pairs, since a goodbye or a method means
/// little alone and much together; and hashed character 1- to 3-grams — so that a situation described in words no cue
/// lists still scores by its pieces. The cues themselves are left out: the model decides only where they are silent, so it
/// must learn danger without leaning on them.</summary>
public sealed class DangerFeatures
{
    private readonly Taxonomy _taxonomy;
    private readonly DangerRules _rules;

    public DangerFeatures(Taxonomy taxonomy, int buckets)
    {
        _taxonomy = taxonomy;
        _rules = taxonomy.Danger;
        Buckets = buckets;
        Names =
        [
            "past", "policy", "immediate", "now", "people", "body", "people+body", "asks",
            "question", "request", "service", "length", "over", "figurative", "declines", "short", "declines+short",
            "self", "habitual", "calm", "story", "harm:count", "harm:two",
            .. _rules.Harm.Select(h => $"harm:{h.Name}"),
            .. _rules.Harm.Select(h => $"self+{h.Name}"),
            .. Pairs(_rules.Harm.Count).Select(p => $"{_rules.Harm[p.A].Name}+{_rules.Harm[p.B].Name}"),
        ];
    }

    /// <summary>Names of the dense features, in vector order; the hashed n-grams follow them.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Buckets { get; }

    public int Length => Names.Count + Buckets;

    /// <param name="text">The message as <see cref="DangerDetector.Compact"/> leaves it.</param>
    /// <param name="harm">The signs of self-harm it shows.</param>
    public float[] Build(string text, HarmSigns harm)
    {
        var x = new float[Length];
        var i = 0;
        x[i++] = _rules.Past.IsMatch(text) ? 1 : 0;
        x[i++] = _rules.Policy.IsMatch(text) ? 1 : 0;
        x[i++] = _rules.Immediate.IsMatch(text) ? 1 : 0;
        x[i++] = _rules.Now.IsMatch(text) ? 1 : 0;
        var people = _rules.People.IsMatch(text);
        var body = _rules.Body.IsMatch(text);
        x[i++] = people ? 1 : 0;
        x[i++] = body ? 1 : 0;
        // Someone and a body in trouble in the same clause: "俺娘…叫不醒", "娃…嘴里起泡".
        x[i++] = text.Split(DangerDetector.ClauseEnds).Any(c => _rules.People.IsMatch(c) && _rules.Body.IsMatch(c)) ? 1 : 0;
        var end = text.TrimEnd('，', '。', '！', '!');
        x[i++] = end.EndsWith('？') || end.EndsWith('?') || end.EndsWith('吗') || end.EndsWith('么') ? 1 : 0;
        x[i++] = FeatureHash.LogScore(_taxonomy.QuestionCues.Score(text));
        x[i++] = FeatureHash.LogScore(_taxonomy.RequestCues.Score(text));
        x[i++] = FeatureHash.LogScore(_taxonomy.Categories.Max(c => c.Cues.Score(text)));
        x[i++] = Math.Min(text.Length, 80) / 80f;
        x[i++] = _rules.Over.IsMatch(text) ? 1 : 0;
        x[i++] = _rules.Figurative.IsMatch(text) ? 1 : 0;
        var declines = _rules.Declines.IsMatch(text);
        var isShort = text.Length <= 8;
        x[i++] = declines ? 1 : 0;
        x[i++] = isShort ? 1 : 0;
        x[i++] = declines && isShort ? 1 : 0;
        var self = _rules.Self.IsMatch(text);
        var signs = harm.Shown;
        x[i++] = self ? 1 : 0;
        x[i++] = _rules.Habitual.IsMatch(text) ? 1 : 0;
        // What calms the signs weighs on their scale.
        x[i++] = _rules.Calm.IsMatch(text) ? SignScale : 0;
        x[i++] = _rules.Story.IsMatch(text) ? SignScale : 0;
        var count = signs.Count(s => s);
        x[i++] = count / (float)Math.Max(1, signs.Count);
        x[i++] = count >= 2 ? SignScale : 0;
        foreach (var sign in signs) x[i++] = sign ? SignScale : 0;
        foreach (var sign in signs) x[i++] = self && sign ? SignScale : 0;
        foreach (var (a, b) in Pairs(signs.Count)) x[i++] = signs[a] && signs[b] ? SignScale : 0;

        if (Buckets > 0)
        {
            SetGrams(text, x, Names.Count);
        }
        return x;
    }

    // The signs are a handful of dense features among thousands of n-grams under one L2 penalty; on their own scale they
    // were shrunk to nothing. 5 gave the best cross-validated precision at recall 0.99 (1: 0.855, 3: 0.868, 8 and 12: 0.862).
    private const float SignScale = 5;

    private static IEnumerable<(int A, int B)> Pairs(int n) =>
        Enumerable.Range(0, n).SelectMany(a => Enumerable.Range(a + 1, n - a - 1).Select(b => (a, b)));

    // Characters that carry meaning; a clause end becomes one boundary symbol and digits one digit symbol, so "120"
    // and "110" stay apart from words but numbers do not spread over buckets.
    // The grams are hashed where they lie in the text, not made into strings (four per character, on every message).
    private void SetGrams(string text, float[] x, int offset)
    {
        var chars = text.Select(c => char.IsDigit(c) ? '#' : char.IsLetter(c) ? char.ToLowerInvariant(c) : '|').ToArray();
        Span<char> gapped = stackalloc char[3];
        gapped[1] = '_';
        for (var k = 0; k < chars.Length; k++)
        {
            if (chars[k] != '|') Set(chars.AsSpan(k, 1));
            if (k + 1 < chars.Length) Set(chars.AsSpan(k, 2));
            if (k + 2 < chars.Length) Set(chars.AsSpan(k, 3));
            // A pair with one character between ("压…疼", "不…醒") survives the particles people put in the middle.
            if (k + 2 < chars.Length && chars[k] != '|' && chars[k + 2] != '|')
            {
                (gapped[0], gapped[2]) = (chars[k], chars[k + 2]);
                Set(gapped);
            }
        }

        void Set(ReadOnlySpan<char> gram) => x[offset + FeatureHash.Bucket(gram, Buckets)] = 1;
    }
}
