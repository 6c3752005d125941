using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Messaging;

/// <summary>Delivers outbox messages through each channel's sender, with retries and backoff; a message that keeps
/// failing is parked for admins. Claims are leases (see <see cref="Leases"/>), so several instances can dispatch from one
/// database. A send that a channel did take but whose answer never came back (a kill, a timeout) is sent again with the
/// same idempotency key, for channels that honour it.</summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    GroupCommit groupCommit,
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
            if (await TryClaimAsync(id, cancellationToken) is { } token)
            {
                claimed++;
                await DeliverAsync(id, token, cancellationToken);
            }
        }
        return claimed;
    }

    private Task<DateTimeOffset?> TryClaimAsync(long id, CancellationToken cancellationToken) =>
        groupCommit.ClaimAsync(db => db.OutboxMessages.Where(m => m.Id == id), time, _options.Lease, cancellationToken);

    private Task<DateTimeOffset?> RenewAsync(long id, DateTimeOffset held) =>
        groupCommit.RenewAsync(db => db.OutboxMessages.Where(m => m.Id == id), held, time, _options.Lease);

    /// <summary>Sends while holding the lease (renewed as the send takes time; the send is cancelled if the lease is
    /// lost), then records the outcome only if the lease is still this worker's.</summary>
    private async Task DeliverAsync(long id, DateTimeOffset token, CancellationToken cancellationToken)
    {
        OutboxMessage row;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        }
        var attempts = row.Attempts + 1;
        var status = WorkStatus.Done;
        string? error = null;
        var next = row.NextAttemptAt;
        var lease = LeaseKeeper.Start(token, held => RenewAsync(id, held), _options.Lease, time);
        try
        {
            if (!_senders.TryGetValue(row.Channel, out var sender))
            {
                throw new PermanentDeliveryException($"No sender for channel '{row.Channel}'.");
            }
            var message = JsonSerializer.Deserialize<OutboundMessage>(row.MessageJson, MessagingJson.Options)
                ?? throw new PermanentDeliveryException("Stored message is empty.");
            using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            await sender.SendAsync(new OutboxItem(row.Id, row.Channel, row.Address, message, row.IdempotencyKey, attempts), sending.Token);
            metrics.Delivered(row.Channel, time.GetUtcNow());
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            error = e.GetType().Name + ": " + e.Message;
            if (e is PermanentDeliveryException || attempts >= _options.MaxAttempts)
            {
                status = WorkStatus.Parked;
                logger.LogError(e, "Outbox message {Id} ({Channel}) parked after {Attempts} attempts", row.Id, row.Channel, attempts);
            }
            else
            {
                status = WorkStatus.Pending;
                next = time.GetUtcNow() + RetrySchedule.Delay(attempts, _options);
                logger.LogWarning("Outbox message {Id} ({Channel}) failed attempt {Attempts}: {Error}", row.Id, row.Channel, attempts, e.GetType().Name);
            }
            metrics.DeliveryFailed(row.Channel, e, status == WorkStatus.Parked, time.GetUtcNow());
        }
        finally
        {
            await lease.DisposeAsync();
        }
        var completedAt = status == WorkStatus.Done ? time.GetUtcNow() : (DateTimeOffset?)null;
        var recorded = await groupCommit.WriteAsync(async (db, ct) =>
            await db.OutboxMessages.Where(m => m.Id == id).HeldWith(lease.Token).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.CompletedAt, completedAt)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), ct) == 1, CancellationToken.None);
        if (!recorded)
        {
            logger.LogWarning("Outbox message {Id} ({Channel}): the lease was taken over before the outcome was recorded", row.Id, row.Channel);
        }
    }
}
