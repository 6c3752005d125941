using System.Text.Json;
using HuaXin.Bot.Conversations;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Messaging;

/// <summary>Runs accepted inbound turns through the bot and commits their replies to the outbox together with
/// marking the turn done, so a crash at any point either redoes the turn or has already queued its replies.</summary>
public sealed class InboundProcessor(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    ITurnHandler bot,
    ConversationReferences references,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    WorkSignal<InboundWork> inboundSignal,
    WorkSignal<OutboxWork> outboxSignal,
    BotMetrics metrics,
    ILogger<InboundProcessor> logger) : BackgroundService
{
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
            if (await TryClaimAsync(key, cancellationToken))
            {
                claimed++;
                await ProcessAsync(key, cancellationToken);
            }
        }
        return claimed;
    }

    private async Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InboundMessages.Where(m => m.Key == key).TryClaimAsync(time.GetUtcNow(), _options.Lease, cancellationToken);
    }

    private async Task ProcessAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var item = await db.InboundMessages.SingleAsync(m => m.Key == key, cancellationToken);
        try
        {
            var turn = JsonSerializer.Deserialize<InboundTurn>(item.TurnJson, MessagingJson.Options)
                ?? throw new InvalidOperationException("Stored turn is empty.");
            // Remember where the user is reachable before the turn, so notices about a ticket created in it find them.
            await references.RememberAsync(turn.Channel, turn.UserId, item.ReplyAddress, cancellationToken);
            var replies = await bot.HandleAsync(turn, cancellationToken);
            for (var i = 0; i < replies.Count; i++)
            {
                await Outbox.AddAsync(db, item.Channel, item.ReplyAddress, replies[i], $"reply:{item.Key}:{i}", time, cancellationToken);
            }
            item.Status = WorkStatus.Done;
            item.CompletedAt = time.GetUtcNow();
            item.LeaseUntil = null;
            item.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
            metrics.InboundProcessed(item.Channel, "done");
            outboxSignal.Notify();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            item.Attempts++;
            item.LeaseUntil = null;
            item.LastError = e.GetType().Name + ": " + e.Message;
            item.NextAttemptAt = time.GetUtcNow() + RetrySchedule.Delay(item.Attempts, _options);
            item.Status = item.Attempts >= _options.MaxAttempts ? WorkStatus.Parked : WorkStatus.Pending;
            item.CompletedAt = null;
            db.InboundMessages.Update(item);
            await db.SaveChangesAsync(cancellationToken);
            metrics.InboundProcessed(item.Channel, item.Status == WorkStatus.Parked ? "parked" : "retry");
            logger.LogWarning(e, "Inbound turn {Key} failed (attempt {Attempt})", item.Key, item.Attempts);
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - _options.DedupeRetention;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.InboundMessages.Where(m => m.Status == WorkStatus.Done && m.CompletedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
