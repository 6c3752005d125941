using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Messaging;

public sealed class Outbox(GroupCommit groupCommit, TimeProvider time, WorkSignal<OutboxWork> signal) : IOutbox
{
    public async Task EnqueueAsync(string channel, string address, OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        bool queued;
        try
        {
            queued = await groupCommit.WriteAsync((db, ct) => AddAsync(db, channel, address, message, idempotencyKey, time, ct), cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return;
        }
        if (queued)
        {
            signal.Notify();
        }
    }

    /// <summary>Adds a message to <paramref name="db"/> without saving, so callers can commit it in the same
    /// transaction as the state change it reports. Returns false when the key is already queued.</summary>
    public static async Task<bool> AddAsync(HuaXinDbContext db, string channel, string address, OutboundMessage message, string idempotencyKey, TimeProvider time, CancellationToken cancellationToken)
    {
        idempotencyKey = StorageKey.Fit(idempotencyKey);
        if (await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == idempotencyKey, cancellationToken))
        {
            return false;
        }
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = channel,
            Address = address,
            MessageJson = JsonSerializer.Serialize(message, MessagingJson.Options),
            IdempotencyKey = idempotencyKey,
            Status = WorkStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return true;
    }
}
