using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Messaging;

/// <summary>Delivers outbox messages through each channel's sender, with retries and backoff; a message that keeps
/// failing is parked for admins. Claims are leases, so several instances can dispatch from one database.</summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    IEnumerable<IChannelSender> senders,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    WorkSignal<OutboxWork> signal,
    BotMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        signal.RunAsync(DispatchDueAsync, _options.PollInterval, time, logger, stoppingToken);

    /// <summary>Attempts every message that is due now; returns how many were claimed.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<long> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.OutboxMessages.Due(now)
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(32)
                .ToListAsync(cancellationToken);
        }
        var claimed = 0;
        foreach (var id in ids)
        {
            if (await TryClaimAsync(id, cancellationToken))
            {
                claimed++;
                await DeliverAsync(id, cancellationToken);
            }
        }
        return claimed;
    }

    private async Task<bool> TryClaimAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.Where(m => m.Id == id).TryClaimAsync(time.GetUtcNow(), _options.Lease, cancellationToken);
    }

    private async Task DeliverAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.OutboxMessages.SingleAsync(m => m.Id == id, cancellationToken);
        row.Attempts++;
        try
        {
            if (!_senders.TryGetValue(row.Channel, out var sender))
            {
                throw new PermanentDeliveryException($"No sender for channel '{row.Channel}'.");
            }
            var message = JsonSerializer.Deserialize<OutboundMessage>(row.MessageJson, MessagingJson.Options)
                ?? throw new PermanentDeliveryException("Stored message is empty.");
            await sender.SendAsync(new OutboxItem(row.Id, row.Channel, row.Address, message, row.IdempotencyKey, row.Attempts), cancellationToken);
            row.Status = WorkStatus.Done;
            row.CompletedAt = time.GetUtcNow();
            row.LastError = null;
            metrics.Delivered(row.Channel, row.CompletedAt.Value);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            row.LastError = e.GetType().Name + ": " + e.Message;
            if (e is PermanentDeliveryException || row.Attempts >= _options.MaxAttempts)
            {
                row.Status = WorkStatus.Parked;
                logger.LogError(e, "Outbox message {Id} ({Channel}) parked after {Attempts} attempts", row.Id, row.Channel, row.Attempts);
            }
            else
            {
                row.NextAttemptAt = time.GetUtcNow() + RetrySchedule.Delay(row.Attempts, _options);
                logger.LogWarning("Outbox message {Id} ({Channel}) failed attempt {Attempts}: {Error}", row.Id, row.Channel, row.Attempts, e.GetType().Name);
            }
            metrics.DeliveryFailed(row.Channel, e, row.Status == WorkStatus.Parked, time.GetUtcNow());
        }
        row.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
