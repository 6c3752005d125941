using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>What channels call: runs turns of one conversation one at a time, loading and saving its state.</summary>
/// <remarks>Turns of the same conversation are serialized in this process; a save that loses to another process
/// (optimistic concurrency) reloads the state and re-runs the turn, a bounded number of times.</remarks>
public sealed class ConversationRunner(HuaXinBot bot, IConversationStateStore store) : ITurnHandler
{
    private const int MaxAttempts = 3;
    private readonly KeyedLocks _locks = new();

    /// <summary>Conversations with a turn running or waiting; locks of idle conversations are dropped.</summary>
    internal int ActiveConversations => _locks.Count;

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (InputGuard.Check(turn, TurnText.Of(turn)) is { } rejection) return [rejection];

        var key = turn.ConversationKey;
        using var _ = await _locks.AcquireAsync(key, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.LoadAsync(key, cancellationToken);
            var state = ConversationState.FromJson(stored?.Json);
            var replies = await bot.HandleAsync(turn, state, cancellationToken);
            try
            {
                await store.SaveAsync(key, state.ToJson(), stored?.Version ?? 0, cancellationToken);
                return replies;
            }
            catch (StateConflictException) when (attempt < MaxAttempts)
            {
                // Another process moved the conversation on; replay this turn on top of its state.
            }
        }
    }
}
