using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tickets;

/// <summary>Runs the tickets' clock every minute: each ticket the time limits may concern is asked to check its
/// deadlines (<see cref="Ticket.CheckDeadlines"/>: reminders, then escalation to 党委工作部, each once).</summary>
public sealed class SlaMonitor(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    TicketOutbox outbox,
    TimeProvider time,
    WorkSignal<OutboxWork> outboxSignal,
    BotMetrics metrics,
    ILogger<SlaMonitor> logger) : PeriodicService(logger)
{
    protected override TimeProvider Clock => time;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>Sends the reminders and escalations that are due now; returns how many notices were queued.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.ServiceRequests.Include(t => t.CoHandlers)
            .Where(t => Ticket.WithStaffStatuses.Contains(t.Status)
                && ((t.Status == RequestStatus.Pending && (t.AcceptReminderSentAt == null || t.AcceptEscalatedAt == null))
                    || t.ResolveReminderSentAt == null || t.ResolveEscalatedAt == null))
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var data in candidates)
        {
            var ticket = new Ticket(data);
            foreach (var window in ticket.CheckDeadlines(now))
            {
                metrics.SlaBreach(window, data.Department);
            }
            queued += await outbox.AddAsync(db, ticket, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0)
        {
            outboxSignal.Notify();
        }
        return queued;
    }
}
