using System.Text.Json.Serialization;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>A fitted chooser among the candidates of one slot (which named person a need is about, which time phrase is
/// when the service is wanted, or none of them): a logistic scorer over hashed candidate features, fitted by the host's
/// train-requests. The candidate scoring highest wins; "none" is a candidate too.</summary>
public sealed class CandidateModel
{
    /// <summary>Which featurizer the weights were fitted on (e.g. "when-1"); another version refuses to load.</summary>
    [JsonPropertyName("features")] public string Features { get; set; } = "";
    [JsonPropertyName("buckets")] public int Buckets { get; set; }
    [JsonPropertyName("weights")] public float[] Weights { get; set; } = [];
    [JsonPropertyName("bias")] public float Bias { get; set; }

    public double Score(IReadOnlyList<string> features)
    {
        double s = Bias;
        foreach (var bucket in Indices(features, Buckets)) s += Weights[bucket];
        return 1 / (1 + Math.Exp(-s));
    }

    /// <summary>The best-scoring candidate (its value null when "none" wins).</summary>
    public SlotCandidate? Choose(IReadOnlyList<SlotCandidate> candidates) =>
        candidates.Count == 0 ? null : candidates.MaxBy(c => Score(c.Features));

    /// <summary>The 0/1 vector the weights apply to, for training.</summary>
    public static float[] Vector(IReadOnlyList<string> features, int buckets)
    {
        var x = new float[buckets];
        foreach (var bucket in Indices(features, buckets)) x[bucket] = 1;
        return x;
    }

    public void EnsureMatches(string version)
    {
        if (Features != version || Weights.Length != Buckets || Buckets <= 0)
            throw new InvalidDataException($"request-model.json: the {version.Split('-')[0]} chooser was fitted on other features ({Features}); run train-requests again.");
    }

    // A feature that occurs twice counts once, as in training.
    private static IEnumerable<int> Indices(IReadOnlyList<string> features, int buckets) =>
        features.Select(f => FeatureHash.Bucket(f, buckets)).Distinct();
}

/// <param name="Value">The slot value this candidate stands for; null for "none".</param>
/// <param name="Text">The words of the message it was read from ("" for none and for the speaker).</param>
public sealed record SlotCandidate(string? Value, int Start, string Text, IReadOnlyList<string> Features);
