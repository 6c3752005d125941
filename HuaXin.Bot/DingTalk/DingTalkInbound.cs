using HuaXin.Bot.Core;
using HuaXin.Bot.DingTalk.Groups;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Security;
using HuaXin.Bot.Tickets;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk;

/// <summary>What both receivers (HTTP callback, Stream) do with a verified robot message: store it durably, once, and return.
/// Replies are produced later and leave through the outbox, so DingTalk is acknowledged at once and never re-delivers
/// because the answer took long.</summary>
public sealed class DingTalkInbound(IInboundQueue inbound, IOutbox outbox, GroupCommands groupCommands, UserRateLimiter limiter,
    IOptionsMonitor<DingTalkOptions> options, TimeProvider time, ILogger<DingTalkInbound> logger)
{
    public async Task<bool> AcceptAsync(RobotMessage message, CancellationToken cancellationToken)
    {
        // Dropped, not refused: DingTalk would only redeliver, and answering every message of a flood would amplify it.
        if (limiter.TryAcquire(ChannelNames.DingTalk, message.SenderKey) is not null)
        {
            logger.LogWarning("DingTalk message {MsgId} dropped: its sender is over the rate limit", message.MsgId);
            return false;
        }
        var key = $"{ChannelNames.DingTalk}:{message.MsgId}";
        var address = DingTalkReplyAddress.From(message);
        if (address.SessionWebhook is not null && !options.CurrentValue.IsDingTalkHost(address.SessionWebhook))
        {
            // Answered through the OpenAPI instead, which only ever talks to DingTalk.
            logger.LogWarning("DingTalk message {MsgId} names a session webhook outside DingTalk's hosts; not used", message.MsgId);
            address = address with { SessionWebhook = null, SessionWebhookExpiresAt = null };
        }
        var text = RobotMessageParser.ExtractText(message, options.CurrentValue.RobotName);
        // Same key as the inbound processor's first reply, so a redelivery finds the reply already queued.
        var replyKey = OutboxKey.Of("reply", key, 0);

        // Staff work tickets in their department group: those commands take the normal turn path (staff rules apply there).
        if (message.IsGroup && !(text is not null && TicketCommandHandler.IsCommand(text)))
        {
            // Commands are idempotent and their reply is keyed by msgId, so a redelivery changes nothing and answers nothing new.
            var reply = await groupCommands.HandleAsync(message, text, cancellationToken);
            await outbox.EnqueueAsync(ChannelNames.DingTalk, address.ToJson(), reply, replyKey, cancellationToken);
            logger.LogInformation("DingTalk group message {MsgId} handled in {ConversationId}", message.MsgId, message.ConversationId);
            return true;
        }
        if (text is null)
        {
            var reply = new OutboundMessage("抱歉，我目前只能看懂文字消息（或语音转成的文字），请发送文字消息。");
            await outbox.EnqueueAsync(ChannelNames.DingTalk, address.ToJson(), reply, replyKey, cancellationToken);
            logger.LogInformation("DingTalk message {MsgId} of type {Msgtype} answered with a text-only hint", message.MsgId, message.Msgtype);
            return true;
        }

        var timestamp = message.CreateAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : time.GetUtcNow();
        var turn = new InboundTurn(ChannelNames.DingTalk, message.ConversationId, message.SenderKey, message.SenderNick, text, null, "zh-CN", timestamp);
        var accepted = await inbound.AcceptAsync(key, turn, address.ToJson(), cancellationToken);
        logger.LogInformation(accepted ? "DingTalk message {MsgId} accepted" : "DingTalk message {MsgId} was a redelivery; ignored", message.MsgId);
        return accepted;
    }
}
