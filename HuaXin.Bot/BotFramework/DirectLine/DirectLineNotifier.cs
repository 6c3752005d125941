using System.Collections.Concurrent;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Wakes this instance's open WebSockets as soon as their conversation gets an activity. Other instances'
/// appends are picked up by the sockets' periodic database check instead.</summary>
public sealed class DirectLineNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();

    /// <summary>A task that completes at the next append to the conversation. Take it before reading, so an append
    /// between the read and the wait is not missed.</summary>
    public Task NextAppendAsync(string conversationId) =>
        _signals.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string conversationId)
    {
        if (_signals.TryRemove(conversationId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
