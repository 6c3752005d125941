using System.Text.Json;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Messaging;

/// <summary>Runs accepted inbound turns through the bot and commits, in one transaction and only while still holding
/// the item's lease, the turn's state, its replies in the outbox and the item marked done: a crash or a lost lease at
/// any point either redoes the whole turn or has already stored all of it, never half or twice.</summary>
public sealed class InboundProcessor(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    GroupCommit groupCommit,
    ITurnHandler bot,
    ConversationReferences references,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    WorkSignal<InboundWork> inboundSignal,
    WorkSignal<OutboxWork> outboxSignal,
    BotMetrics metrics,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    /// <summary>Runs of one turn while another instance keeps moving its conversation on (each conflict is that instance's
    /// progress), before the item is retried later.</summary>
    private const int MaxTurnAttempts = 10;

    private readonly MessagingOptions _options = options.Value;

    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        inboundSignal.RunAsync(async ct =>
        {
            var processed = await ProcessDueAsync(ct);
            if (time.GetUtcNow() - _lastCleanup > TimeSpan.FromHours(1))
            {
                _lastCleanup = time.GetUtcNow();
                await CleanupAsync(ct);
            }
            return processed;
        }, _options.PollInterval, time, logger, stoppingToken);

    /// <summary>Processes the turns that are due now; returns how many were claimed.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<string> keys;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            keys = await db.InboundMessages.Due(now)
                .OrderBy(m => m.NextAttemptAt)
                .Select(m => m.Key)
                .Take(16)
                .ToListAsync(cancellationToken);
        }
        var claimed = 0;
        foreach (var key in keys)
        {
            if (await TryClaimAsync(key, cancellationToken) is { } token)
            {
                claimed++;
                await ProcessAsync(key, token, cancellationToken);
            }
        }
        return claimed;
    }

    private Task<DateTimeOffset?> TryClaimAsync(string key, CancellationToken cancellationToken) =>
        groupCommit.ClaimAsync(db => db.InboundMessages.Where(m => m.Key == key), time, _options.Lease, cancellationToken);

    private Task<DateTimeOffset?> RenewAsync(string key, DateTimeOffset held) =>
        groupCommit.RenewAsync(db => db.InboundMessages.Where(m => m.Key == key), held, time, _options.Lease);

    private async Task ProcessAsync(string key, DateTimeOffset token, CancellationToken cancellationToken)
    {
        InboundMessage item;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            item = await db.InboundMessages.AsNoTracking().SingleAsync(m => m.Key == key, cancellationToken);
        }
        var turn = JsonSerializer.Deserialize<InboundTurn>(item.TurnJson, MessagingJson.Options);
        for (var attempt = 1; ; attempt++)
        {
            using var writes = TurnWrites.Begin();
            var lease = LeaseKeeper.Start(token, held => RenewAsync(key, held), _options.Lease, time);
            IReadOnlyList<OutboundMessage> replies;
            try
            {
                using var working = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
                replies = await bot.HandleAsync(turn ?? throw new InvalidOperationException("Stored turn is empty."), working.Token);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                await lease.DisposeAsync();
                await FailAsync(item, lease.Token, e);
                return;
            }
            finally
            {
                // Renewals stop here, so the token the commit checks is the one the row holds.
                await lease.DisposeAsync();
            }
            token = lease.Token;
            var kept = await CompleteAsync(item, turn, replies, writes, token);
            writes.Completed(kept);
            if (kept)
            {
                metrics.InboundProcessed(item.Channel, "done");
                outboxSignal.Notify();
                return;
            }
            if (!writes.Conflict)
            {
                logger.LogWarning("Inbound turn {Key} finished after its lease was taken over; its result is discarded", item.Key);
                return;
            }
            if (attempt == MaxTurnAttempts)
            {
                await FailAsync(item, token, new StateConflictException(turn.ConversationKey));
                return;
            }
            // The conversation moved on in another instance while the turn ran: run it again on the new state, still
            // holding the lease (the declined commit changed nothing).
        }
    }

    /// <summary>The turn's state, where the user is reachable, the replies in the outbox and the item marked done, in one
    /// commit and only while the row still holds <paramref name="held"/>.</summary>
    private Task<bool> CompleteAsync(InboundMessage item, InboundTurn turn, IReadOnlyList<OutboundMessage> replies, TurnWrites writes, DateTimeOffset held) =>
        groupCommit.WriteAsync(async (db, ct) =>
        {
            if (!await writes.WriteAsync(db, ct))
            {
                return false;
            }
            // Where the user is reachable, so notices about a ticket created in this turn find them.
            await references.RememberAsync(db, turn.Channel, turn.UserId, item.ReplyAddress, ct);
            for (var i = 0; i < replies.Count; i++)
            {
                await Outbox.AddAsync(db, item.Channel, item.ReplyAddress, replies[i], OutboxKey.Of("reply", item.Key, i), time, ct);
            }
            return await db.InboundMessages.Where(m => m.Key == item.Key).HeldWith(held).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, WorkStatus.Done)
                .SetProperty(m => m.CompletedAt, time.GetUtcNow())
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, (string?)null), ct) == 1;
        }, CancellationToken.None);

    private async Task FailAsync(InboundMessage item, DateTimeOffset held, Exception e)
    {
        var attempts = item.Attempts + 1;
        var status = attempts >= _options.MaxAttempts ? WorkStatus.Parked : WorkStatus.Pending;
        var error = e.GetType().Name + ": " + e.Message;
        var next = time.GetUtcNow() + RetrySchedule.Delay(attempts, _options);
        var recorded = await groupCommit.WriteAsync(async (db, ct) =>
            await db.InboundMessages.Where(m => m.Key == item.Key).HeldWith(held).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.Status, status)
                .SetProperty(m => m.CompletedAt, (DateTimeOffset?)null), ct) == 1, CancellationToken.None);
        if (recorded)
        {
            metrics.InboundProcessed(item.Channel, status == WorkStatus.Parked ? "parked" : "retry");
        }
        logger.LogWarning(e, "Inbound turn {Key} failed (attempt {Attempt})", item.Key, attempts);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - _options.DedupeRetention;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.InboundMessages.Where(m => m.Status == WorkStatus.Done && m.CompletedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
