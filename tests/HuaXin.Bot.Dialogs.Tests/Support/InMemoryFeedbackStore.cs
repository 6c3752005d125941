using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Tests.Support;

public sealed class InMemoryFeedbackStore : IFeedbackStore
{
    private readonly List<AnswerFeedback> _items = [];

    public IReadOnlyList<AnswerFeedback> Items
    {
        get { lock (_items) return _items.ToList(); }
    }

    public Task RecordAsync(AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        lock (_items) _items.Add(feedback);
        return Task.CompletedTask;
    }
}
