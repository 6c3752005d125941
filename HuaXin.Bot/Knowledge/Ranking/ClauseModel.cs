using System.Text.Json;
using System.Text.Json.Serialization;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>The fitted clause model (knowledge/clause-model.json, written by "train-clauses"): a head that scores each
/// candidate clause as the answer, and a head that decides whether the best one answers the question at all.</summary>
public sealed class ClauseModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [JsonPropertyName("candidateFeatures")] public List<string> CandidateFeatures { get; set; } = [];
    [JsonPropertyName("questionFeatures")] public List<string> QuestionFeatures { get; set; } = [];

    /// <summary>Labels ["other","answer"]: whether a candidate clause is the one that answers.</summary>
    [JsonPropertyName("rank")] public LinearHead Rank { get; set; } = new();

    /// <summary>Labels ["abstain","answer"]: whether the question is answered from its best clause.</summary>
    [JsonPropertyName("answerable")] public LinearHead Answerable { get; set; } = new();

    /// <summary>The least answer probability to answer, chosen by cross-validation.</summary>
    [JsonPropertyName("threshold")] public double Threshold { get; set; } = 0.5;

    /// <summary>How it was fitted and what cross-validation measured (for people; not read by code).</summary>
    [JsonPropertyName("fitted")] public Dictionary<string, string>? Fitted { get; set; }

    /// <summary>No model file: the search keeps the blend's order and its coverage rule.</summary>
    public static readonly ClauseModel None = new();

    [JsonIgnore] public bool IsEmpty => Rank.Labels.Count != 2 || Answerable.Labels.Count != 2;

    public double ClauseProbability(float[] x) => Rank.Predict(x)[1];

    public double AnswerProbability(float[] x) => Answerable.Predict(x)[1];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="InvalidDataException">The file was fitted on other features than this version computes.</exception>
    public static ClauseModel Parse(string json)
    {
        var model = JsonSerializer.Deserialize<ClauseModel>(json, Json) ?? throw new InvalidDataException("empty clause model");
        if (!model.CandidateFeatures.SequenceEqual(ClauseFeatures.CandidateNames) || !model.QuestionFeatures.SequenceEqual(ClauseFeatures.QuestionNames))
        {
            throw new InvalidDataException("clause-model.json was fitted on other features than this version computes: run train-clauses again.");
        }
        return model;
    }
}
