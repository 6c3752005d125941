using System.Text;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace HuaXin.Bot.AI.Grounding;

/// <summary>Rewords the extractive answer in plain language with the model, from the retrieved clauses only.
/// Retrieval alone decides whether the question is covered: an abstention is returned as it is and the model is not
/// asked. Any failure or doubtful reply returns the extractive answer.</summary>
public sealed class GroundedKnowledgeService(
    IKnowledgeService extractive,
    ModelCalls model,
    IOptions<AIOptions> options,
    TimeProvider time) : IKnowledgeService
{
    public const string Operation = "answer";

    private static readonly OpenAIPromptExecutionSettings Settings = new() { Temperature = 0.1, MaxTokens = 600 };

    public async Task<KnowledgeAnswer> AskAsync(string question, string asker, CancellationToken cancellationToken)
    {
        // Query rewriting inside the extractive service shares this budget.
        using var budget = AITurnBudget.Enter(time, options.Value.TurnDeadline);
        var answer = await extractive.AskAsync(question, asker, cancellationToken);
        if (!answer.Answered || answer.Citations.Count == 0)
        {
            return answer;
        }
        var reply = await model.CompleteAsync(Operation, GroundedPrompt.Build(question, asker, answer.Citations), Settings, cancellationToken);
        if (reply is null)
        {
            return answer;
        }
        if (string.IsNullOrWhiteSpace(reply.Content))
        {
            model.Fallback(Operation, "empty");
            return answer;
        }
        var text = reply.Content;
        var (cited, rejected) = GroundedAnswerCheck.Check(text, answer.Citations);
        if (rejected is not null)
        {
            model.Fallback(Operation, rejected);
            return answer;
        }
        return answer with { Answer = WithSources(GroundedAnswerCheck.Renumber(text.Trim()), cited, answer.Citations) };
    }

    /// <summary>The sources by name under the answer, so channels that show only text still show where it comes from.</summary>
    private static string WithSources(string text, IReadOnlyList<int> cited, IReadOnlyList<Citation> citations)
    {
        var sources = new StringBuilder(text).Append("\n\n依据：");
        sources.AppendJoin("；", cited.Order().Select(n => $"[{n}]{citations[n - 1].Source}"));
        return sources.ToString();
    }
}
