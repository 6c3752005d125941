using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Api;

public sealed record AskRequest(string? Question, string? Asker);

public sealed record AskResponse(bool Answered, string Answer, IReadOnlyList<AskCitation> Citations);

public sealed record AskCitation(string DocId, string Title, IReadOnlyList<string> Headings, string Text, double Score);

/// <summary>POST /api/ask: one policy question, answered from the knowledge base with citations.</summary>
public static class AskEndpoint
{
    public const int MaxQuestionLength = 2000;

    public static IEndpointRouteBuilder MapAsk(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ask", HandleAsync)
            .WithName("Ask")
            .WithSummary("Answer a policy question from the knowledge base, citing document and clause.")
            .Accepts<AskRequest>("application/json")
            .Produces<AskResponse>()
            .Produces<ApiError>(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, IKnowledgeService knowledge, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync<AskRequest>(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var question = body!.Question?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return ApiError.BadRequest("empty_question", "问题不能为空。/ The question must not be empty.");
        }
        if (question.Length > MaxQuestionLength)
        {
            return ApiError.BadRequest("question_too_long", $"问题不能超过 {MaxQuestionLength} 个字。/ The question must be at most {MaxQuestionLength} characters.");
        }
        var asker = body.Asker?.Trim().ToLowerInvariant() ?? "worker";
        if (asker is not ("worker" or "family"))
        {
            return ApiError.BadRequest("invalid_asker", "asker 只能是 worker 或 family。/ asker must be \"worker\" or \"family\".");
        }
        var answer = await knowledge.AskAsync(question, asker, cancellationToken);
        return Results.Ok(new AskResponse(
            answer.Answered,
            answer.Answer,
            [.. answer.Citations.Select(c => new AskCitation(c.DocId, c.Title, c.Headings, c.Text, Math.Round(c.Score, 4)))]));
    }
}
