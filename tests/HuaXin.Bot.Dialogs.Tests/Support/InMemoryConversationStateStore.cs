using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Tests.Support;

/// <summary>State store with the same optimistic-concurrency contract as the host's EF store.</summary>
public sealed class InMemoryConversationStateStore : IConversationStateStore
{
    private readonly Dictionary<string, StoredState> _states = [];

    public int Saves { get; private set; }

    /// <summary>Number of upcoming saves that fail as if another writer got there first.</summary>
    public int ConflictsToSimulate { get; set; }

    public Task<StoredState?> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        lock (_states) return Task.FromResult(_states.GetValueOrDefault(conversationKey));
    }

    public Task SaveAsync(string conversationKey, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        lock (_states)
        {
            var current = _states.GetValueOrDefault(conversationKey)?.Version ?? 0;
            if (ConflictsToSimulate > 0)
            {
                ConflictsToSimulate--;
                _states[conversationKey] = new StoredState(_states.GetValueOrDefault(conversationKey)?.Json ?? "{}", current + 1);
                throw new StateConflictException(conversationKey);
            }
            if (current != expectedVersion) throw new StateConflictException(conversationKey);
            _states[conversationKey] = new StoredState(json, current + 1);
            Saves++;
        }
        return Task.CompletedTask;
    }
}
