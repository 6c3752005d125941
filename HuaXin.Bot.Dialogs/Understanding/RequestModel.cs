using System.Buffers;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>The fitted scorer's weights (knowledge/request-model.json, written by the host's "train-requests"
/// command with Microsoft.ML): one linear head for the purpose of a message, one for the category of a request.</summary>
public sealed class RequestModel
{
    [JsonPropertyName("features")] public List<string> Features { get; set; } = [];
    [JsonPropertyName("buckets")] public int Buckets { get; set; }
    [JsonPropertyName("purpose")] public LinearHead Purpose { get; set; } = new();
    [JsonPropertyName("category")] public LinearHead Category { get; set; } = new();
    /// <summary>Chooses who a request is about among the people it names, the speaker and nobody.</summary>
    [JsonPropertyName("relation")] public CandidateModel Relation { get; set; } = new();
    /// <summary>Chooses the time a service is wanted among the message's time phrases, or none.</summary>
    [JsonPropertyName("when")] public CandidateModel When { get; set; } = new();
    /// <summary>How it was fitted and what cross-validation measured, for people reading the file.</summary>
    [JsonPropertyName("fitted")] public Dictionary<string, string> Fitted { get; set; } = [];

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static RequestModel Load(string path) => Parse(File.ReadAllText(path), path);

    public static RequestModel Parse(string json, string source = "request model")
    {
        var model = JsonSerializer.Deserialize<RequestModel>(json) ?? throw new InvalidDataException($"{source}: empty.");
        foreach (var head in new[] { model.Purpose, model.Category })
        {
            if (head.Labels.Count == 0 || head.Weights.Count != head.Labels.Count || head.Bias.Count != head.Labels.Count
                || head.Weights.Any(w => w.Length != model.Features.Count + model.Buckets))
                throw new InvalidDataException($"{source}: a head's labels, weights and biases do not match its features.");
        }
        model.Relation.EnsureMatches(RelationCandidates.Version);
        model.When.EnsureMatches(WhenCandidates.Version);
        return model;
    }

    /// <summary>What the message is for and, for a request, its category. A complaint is routed as a complaint whatever
    /// service it is about (the category boundaries), so the category head only chooses among the services.
    /// A request nothing points to a service for ("能不能帮帮我") gets no category: the dialog asks.</summary>
    public (string Purpose, string? Category) Decide(float[] x)
    {
        // Starting intake is one yes/no question: a request and a complaint both say yes, so their chances add up (a
        // complaint that also asks for something splits its weight between the two, and neither alone may outweigh a question).
        var purposes = Purpose.Predict(x);
        var intake = Enumerable.Range(0, purposes.Length).Where(k => Understanding.Purpose.StartsIntake(Purpose.Labels[k])).ToList();
        if (intake.Sum(k => purposes[k]) < 0.5) return (Purpose.Best(x, l => !Understanding.Purpose.StartsIntake(l)), null);
        var purpose = Purpose.Labels[intake.MaxBy(k => purposes[k])];
        if (purpose == Understanding.Purpose.Complaint) return (purpose, Understanding.Purpose.Complaint);
        return (purpose, RequestCategory(x));
    }

    /// <summary>The service a request is for, or none when nothing points to one with enough confidence.</summary>
    public string? RequestCategory(float[] x)
    {
        var p = Category.Predict(x, c => c != Understanding.Purpose.Complaint);
        var best = Array.IndexOf(p, p.Max());
        // Where no taxonomy cue and no document clause points to a service, the character n-grams alone must be sure.
        var needed = PointsToService(x) ? MinCategoryConfidence : MinUnpointedConfidence;
        return p[best] >= needed ? Category.Labels[best] : null;
    }

    /// <summary>Whether the message leaves a mobile number and asks nothing: no question cue, no question mark.</summary>
    public bool LeavesNumberWithoutAsking(float[] x) =>
        x[Features.IndexOf("phone")] > 0 && x[Features.IndexOf("question")] == 0 && x[Features.IndexOf("asks")] == 0;

    private const double MinCategoryConfidence = 0.3;
    private const double MinUnpointedConfidence = 0.7;

    private bool PointsToService(float[] x) =>
        Features.Select((name, i) => (name, i)).Any(f => (f.name.StartsWith("cue:", StringComparison.Ordinal) || f.name.StartsWith("owner:", StringComparison.Ordinal)) && x[f.i] > 0);

    /// <summary>The service a message is about, when the category head is fairly sure.</summary>
    public string? Service(float[] x)
    {
        var p = Category.Predict(x, c => c != Understanding.Purpose.Complaint);
        var best = Array.IndexOf(p, p.Max());
        return p[best] >= 0.5 ? Category.Labels[best] : null;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Checks that the vector this code builds is the one the weights were fitted on.</summary>
    public void EnsureMatches(RequestFeatures features)
    {
        if (features.Buckets != Buckets || !features.Names.SequenceEqual(Features))
            throw new InvalidDataException("request-model.json was fitted on other features than this version builds (or another taxonomy): run train-requests again.");
    }
}

public sealed class LinearHead
{
    [JsonPropertyName("labels")] public List<string> Labels { get; set; } = [];
    [JsonPropertyName("weights")] public List<float[]> Weights { get; set; } = [];
    [JsonPropertyName("bias")] public List<float> Bias { get; set; } = [];

    /// <summary>Probability of each label (softmax of the linear scores), in label order.</summary>
    public double[] Predict(float[] x, Func<string, bool>? allowed = null)
    {
        // The vectors are mostly hashed n-gram buckets left at zero (a danger vector: about a hundred set of 8,259):
        // find the set ones once, not once per label. Same terms in the same order, so the same sums.
        var present = NonZero(x);
        var scores = new double[Labels.Count];
        for (var k = 0; k < Labels.Count; k++)
        {
            if (allowed is not null && !allowed(Labels[k]))
            {
                scores[k] = double.NegativeInfinity;
                continue;
            }
            var w = Weights[k];
            double s = Bias[k];
            foreach (var j in present)
            {
                s += w[j] * x[j];
            }
            scores[k] = s;
        }
        var max = scores.Max();
        var exp = scores.Select(s => double.IsNegativeInfinity(s) ? 0 : Math.Exp(s - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(e => e / sum).ToArray();
    }

    private static int[] NonZero(float[] x)
    {
        var found = ArrayPool<int>.Shared.Rent(x.Length);
        var n = 0;
        var j = 0;
        // A block of zeros (most of the vector) is passed over in one comparison; IEEE equality, as x[j] != 0 below.
        if (Vector.IsHardwareAccelerated)
        {
            for (; j <= x.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                if (Vector.EqualsAll(new Vector<float>(x, j), Vector<float>.Zero)) continue;
                for (var k = j; k < j + Vector<float>.Count; k++)
                {
                    if (x[k] != 0) found[n++] = k;
                }
            }
        }
        for (; j < x.Length; j++)
        {
            if (x[j] != 0) found[n++] = j;
        }
        var present = found.AsSpan(0, n).ToArray();
        ArrayPool<int>.Shared.Return(found);
        return present;
    }

    public string Best(float[] x, Func<string, bool>? allowed = null)
    {
        var p = Predict(x, allowed);
        return Labels[Array.IndexOf(p, p.Max())];
    }
}
