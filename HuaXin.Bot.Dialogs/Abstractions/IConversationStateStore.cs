namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>Persists a conversation's dialog state as an opaque JSON document so it survives restarts.</summary>
public interface IConversationStateStore
{
    Task<StoredState?> LoadAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Saves the state; <paramref name="expectedVersion"/> is the version loaded (0 when new).
    /// Throws <see cref="StateConflictException"/> when another writer saved in between.</summary>
    Task SaveAsync(string conversationKey, string json, long expectedVersion, CancellationToken cancellationToken);
}

public sealed record StoredState(string Json, long Version);

public sealed class StateConflictException(string conversationKey)
    : Exception($"Conversation state '{conversationKey}' was changed by another writer.");
