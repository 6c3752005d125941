using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Appends the bot's messages to a conversation: replies to a turn and proactive notices from the outbox.</summary>
public sealed class DirectLineBotMessages(DirectLineStore store, IOptions<DirectLineOptions> options, TimeProvider time)
{
    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>Appends a message addressed to the conversation's user; the key makes a resend a no-op.</summary>
    public Task<AppendResult> AppendAsync(
        string conversationId, string userId, OutboundMessage message, string? replyToId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return store.AppendAsync(conversationId, idempotencyKey, id => Render(conversationId, userId, message, id, replyToId, now), cancellationToken);
    }

    /// <summary>The bot's message as stored and sent. A card message carries its text only as summary and card
    /// fallback: Web Chat would otherwise show the same content twice. Suggested actions carry no "to": a Direct Line
    /// conversation has one user, and a client that cannot read the user id would hide actions addressed to it.</summary>
    public string Render(string conversationId, string userId, OutboundMessage message, string id, string? replyToId, DateTimeOffset at) =>
        BotJson.Serialize(message.ToActivity(textWithCard: false) with
        {
            Id = id,
            Timestamp = at,
            ChannelId = ChannelNames.DirectLine,
            From = Bot,
            Recipient = new ChannelAccount { Id = userId, Role = "user" },
            Conversation = new ConversationAccount { Id = conversationId },
            ReplyToId = replyToId,
            Locale = ActivityMapping.DefaultLocale,
        });
}
