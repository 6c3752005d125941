using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Messaging;

/// <summary>Queues outbound messages for delivery by the dispatcher (proactive notices, replies produced off-request).</summary>
public interface IOutbox
{
    /// <summary>Queues a message; a second call with the same idempotency key is ignored.</summary>
    Task EnqueueAsync(string channel, string address, OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken);
}
