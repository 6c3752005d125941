using System.Text.Json;
using System.Text.Json.Serialization;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Safety;

/// <summary>The fitted danger recogniser (knowledge/danger-model.json, written by the host's "train-danger" command with
/// Microsoft.ML): one linear head over "none" and the danger kinds. The chance of danger is one minus the chance of
/// "none"; the threshold was chosen on cross-validation for recall first.</summary>
public sealed class DangerModel
{
    public const string None = "none";

    [JsonPropertyName("features")] public List<string> Features { get; set; } = [];
    [JsonPropertyName("buckets")] public int Buckets { get; set; }
    [JsonPropertyName("head")] public LinearHead Head { get; set; } = new();
    [JsonPropertyName("threshold")] public double Threshold { get; set; }
    /// <summary>How it was fitted and what cross-validation measured, for people reading the file.</summary>
    [JsonPropertyName("fitted")] public Dictionary<string, string> Fitted { get; set; } = [];

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static DangerModel Load(string path) => Parse(File.ReadAllText(path), path);

    public static DangerModel Parse(string json, string source = "danger model")
    {
        var model = JsonSerializer.Deserialize<DangerModel>(json) ?? throw new InvalidDataException($"{source}: empty.");
        var head = model.Head;
        if (!head.Labels.Contains(None) || head.Weights.Count != head.Labels.Count || head.Bias.Count != head.Labels.Count
            || head.Weights.Any(w => w.Length != model.Features.Count + model.Buckets))
            throw new InvalidDataException($"{source}: the head's labels, weights and biases do not match its features.");
        if (model.Threshold is <= 0 or >= 1) throw new InvalidDataException($"{source}: the threshold must lie between 0 and 1.");
        return model;
    }

    /// <summary>The chance that the message tells of danger now, and the likeliest kind if it does.</summary>
    public (double Danger, string Kind) Score(float[] x)
    {
        var p = Head.Predict(x);
        var none = Head.Labels.IndexOf(None);
        var kind = Enumerable.Range(0, p.Length).Where(k => k != none).MaxBy(k => p[k]);
        return (1 - p[none], Head.Labels[kind]);
    }

    /// <summary>The chance the model gives the message of being of this kind.</summary>
    public double Chance(float[] x, string kind) => Head.Predict(x)[Head.Labels.IndexOf(kind)];

    /// <summary>Whether the model was fitted with examples of this kind, so its naming of a message can stand for it.</summary>
    public bool Knows(string kind) => Head.Labels.Contains(kind);

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Checks that the vector this code builds, and the kinds the taxonomy knows, are the ones it was fitted on.</summary>
    public void EnsureMatches(DangerFeatures features, IEnumerable<string> kinds)
    {
        var known = kinds.Append(None).ToHashSet();
        if (features.Buckets != Buckets || !features.Names.SequenceEqual(Features) || Head.Labels.Any(l => !known.Contains(l)))
            throw new InvalidDataException("danger-model.json was fitted on other features or kinds than this version builds (or another taxonomy): run train-danger again.");
    }
}
