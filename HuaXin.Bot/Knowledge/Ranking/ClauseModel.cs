using System.Text.Json;
using System.Text.Json.Serialization;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>The fitted clause model (knowledge/clause-model.json, written by "train-clauses"): a head that scores each
/// candidate clause as the answer, and the threshold at which a question about a topic the corpus never mentions is
/// refused (<see cref="ClauseFeatures.Question.UnseenTopic"/>).</summary>
public sealed class ClauseModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [JsonPropertyName("candidateFeatures")] public List<string> CandidateFeatures { get; set; } = [];

    /// <summary>Labels ["other","answer"]: whether a candidate clause is the one that answers.</summary>
    [JsonPropertyName("rank")] public LinearHead Rank { get; set; } = new();

    [JsonPropertyName("answerFeatures")] public List<string>? AnswerFeatures { get; set; }

    /// <summary>Labels ["decline","answer"]: whether the best clause answers the question (<see cref="Ranking.AnswerFeatures"/>);
    /// none: the coverage rule and <see cref="AbstainAt"/> decide.</summary>
    [JsonPropertyName("answer")] public LinearHead? Answer { get; set; }

    /// <summary>The least answer probability at which the question is answered, chosen by cross-validation.</summary>
    [JsonPropertyName("answerAt")] public double? AnswerAt { get; set; }

    /// <summary>The least unseen-topic score at which the search abstains, chosen by cross-validation; none: never.</summary>
    [JsonPropertyName("abstainAt")] public double? AbstainAt { get; set; }

    /// <summary>How it was fitted and what cross-validation measured (for people; not read by code).</summary>
    [JsonPropertyName("fitted")] public Dictionary<string, string>? Fitted { get; set; }

    /// <summary>No model file: the search keeps the blend's order and its coverage rule.</summary>
    public static readonly ClauseModel None = new();

    [JsonIgnore] public bool IsEmpty => Rank.Labels.Count != 2;

    public double ClauseProbability(float[] x) => Rank.Predict(x)[1];

    /// <summary>Whether the question is about a topic the corpus does not cover, by the fitted threshold.</summary>
    public bool Uncovered(ClauseFeatures.Question question) => AbstainAt is { } threshold && question.UnseenTopic >= threshold;

    /// <summary>Whether a noun alone puts the question on a topic the corpus does not cover, by the same threshold:
    /// the test for a follow-up, which names a new subject with a noun.</summary>
    public bool UncoveredByNoun(ClauseFeatures.Question question) => AbstainAt is { } threshold && question.UnseenNounTopic >= threshold;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <exception cref="InvalidDataException">The file was fitted on other features than this version computes.</exception>
    public static ClauseModel Parse(string json)
    {
        var model = JsonSerializer.Deserialize<ClauseModel>(json, Json) ?? throw new InvalidDataException("empty clause model");
        if (!model.CandidateFeatures.SequenceEqual(ClauseFeatures.CandidateNames))
        {
            throw new InvalidDataException("clause-model.json was fitted on other features than this version computes: run train-clauses again.");
        }
        if (model.Answer is not null && !(model.AnswerFeatures ?? []).SequenceEqual(Ranking.AnswerFeatures.Names))
        {
            throw new InvalidDataException("clause-model.json's answer head was fitted on other features than this version computes: run train-clauses again.");
        }
        return model;
    }
}
