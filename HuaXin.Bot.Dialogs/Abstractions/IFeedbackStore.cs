namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>Records 有用/没用 feedback on answers and questions the knowledge base could not answer.</summary>
public interface IFeedbackStore
{
    Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken);
}

public sealed record AnswerFeedback(string Channel, string UserId, string Question, bool Helpful, IReadOnlyList<string> CitedDocIds, DateTimeOffset At);
