using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Messaging;

/// <summary>Delivers outbound messages for one channel. Called only by the outbox dispatcher, never directly:
/// every message leaves through the outbox so a crash or an outage loses nothing.</summary>
public interface IChannelSender
{
    /// <summary>The channel name this sender serves, as in <see cref="InboundTurn.Channel"/> and <see cref="OutboxItem.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Sends one message. <paramref name="address"/> is the channel's own routing data (JSON) saved with the message.
    /// Throw <see cref="PermanentDeliveryException"/> when retrying cannot help; any other exception is retried with backoff.</summary>
    Task SendAsync(OutboxItem item, CancellationToken cancellationToken);
}

/// <summary>One message to deliver: the neutral message plus the channel's opaque address.</summary>
/// <param name="IdempotencyKey">Unique per logical message; channels that support it pass it on so a resend is not shown twice.</param>
public sealed record OutboxItem(long Id, string Channel, string Address, OutboundMessage Message, string IdempotencyKey, int Attempt);

public sealed class PermanentDeliveryException(string message, Exception? inner = null) : Exception(message, inner);
