using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>One turn as the dialogs see it: who, what they said, the state to update and the replies so far.</summary>
public sealed class DialogTurn(InboundTurn inbound, string text, ConversationState state)
{
    private readonly List<OutboundMessage> _replies = [];

    public InboundTurn Inbound { get; } = inbound;

    /// <summary>Normalized text; a pressed button's action text.</summary>
    public string Text { get; } = text;

    public ConversationState State { get; } = state;

    public IReadOnlyList<OutboundMessage> Replies => _replies;

    public void Say(OutboundMessage message) => _replies.Add(message);
}
