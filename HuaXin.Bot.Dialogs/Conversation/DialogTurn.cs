using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>One turn as the dialogs see it: who, what they said, the state to update and the replies so far.</summary>
public sealed class DialogTurn(InboundTurn inbound, string text, ConversationState state)
{
    private readonly List<OutboundMessage> _replies = [];

    public InboundTurn Inbound { get; } = inbound;

    /// <summary>Normalized text; a pressed button's action text.</summary>
    public string Text { get; } = text;

    /// <summary>The user's own characters, for text staff will read (description, original text).</summary>
    public string RawText => Inbound.Value is null && !string.IsNullOrWhiteSpace(Inbound.Text) ? Inbound.Text.Trim() : Text;

    public ConversationState State { get; } = state;

    public IReadOnlyList<OutboundMessage> Replies => _replies;

    public void Say(OutboundMessage message) => _replies.Add(message);
}
