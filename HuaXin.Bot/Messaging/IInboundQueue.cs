using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Messaging;

/// <summary>Durable intake for channels that acknowledge first and answer later (Bot Connector, DingTalk).
/// A turn accepted here is stored before the channel is acknowledged, processed once, and its replies go to the outbox.</summary>
public interface IInboundQueue
{
    /// <summary>Stores the turn for processing. Returns false when <paramref name="messageKey"/> was seen before
    /// (a redelivery), in which case nothing is stored.</summary>
    /// <param name="messageKey">Channel-unique id of the inbound message, e.g. "msteams:{activity.id}" or "dingtalk:{msgId}".</param>
    /// <param name="replyAddress">Channel routing data (JSON) handed back to that channel's <see cref="IChannelSender"/> with each reply.</param>
    Task<bool> AcceptAsync(string messageKey, InboundTurn turn, string replyAddress, CancellationToken cancellationToken);
}
