using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Observability;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tickets;

/// <summary>Holds departments to the 十项帮扶承诺's time limits: reminds a department when three quarters of a
/// window have passed, and escalates to 党委工作部 once the deadline is missed. Each notice is sent once.</summary>
public sealed class SlaMonitor(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    DepartmentDestinations destinations,
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
        var open = new[] { RequestStatus.Pending, RequestStatus.Accepted, RequestStatus.InProgress };
        var tickets = await db.ServiceRequests.Include(t => t.CoHandlers)
            .Where(t => open.Contains(t.Status)
                && ((t.Status == RequestStatus.Pending && (t.AcceptReminderSentAt == null || t.AcceptEscalatedAt == null))
                    || t.ResolveReminderSentAt == null || t.ResolveEscalatedAt == null))
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var t in tickets)
        {
            if (t.Status == RequestStatus.Pending)
            {
                queued += await CheckWindowAsync(db, t, "受理", t.CreatedAt, t.FirstContactDue, now,
                    () => t.AcceptReminderSentAt, v => t.AcceptReminderSentAt = v, () => t.AcceptEscalatedAt, v => t.AcceptEscalatedAt = v, cancellationToken);
            }
            queued += await CheckWindowAsync(db, t, "办结", t.CreatedAt, t.ResolveDue, now,
                () => t.ResolveReminderSentAt, v => t.ResolveReminderSentAt = v, () => t.ResolveEscalatedAt, v => t.ResolveEscalatedAt = v, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (queued > 0)
        {
            outboxSignal.Notify();
        }
        return queued;
    }

    private async Task<int> CheckWindowAsync(HuaXinDbContext db, ServiceRequest t, string what, DateTimeOffset start, DateTimeOffset due, DateTimeOffset now,
        Func<DateTimeOffset?> reminded, Action<DateTimeOffset> setReminded, Func<DateTimeOffset?> escalated, Action<DateTimeOffset> setEscalated, CancellationToken ct)
    {
        if (now >= due && escalated() is null)
        {
            setEscalated(now);
            setReminded(reminded() ?? now);
            t.Supervised = true;
            t.Version++;
            metrics.SlaBreach(what, t.Department);
            AddHistory(db, t, "超时", $"超过{what}时限（{TicketCards.Local(due)}），转{Departments.Supervisor}督办", now);
            var text = $"【超时督办】{t.Number}（{t.Department}）已超过{what}时限 {TicketCards.Local(due)}，请{Departments.Supervisor}督办。";
            var notices = 0;
            foreach (var department in Handlers(t).Prepend(Departments.Supervisor).Distinct())
            {
                notices += await NotifyAsync(db, t, department, text, what, "escalated", ct);
            }
            return notices;
        }
        var remindAt = start + (due - start) * 0.75;
        if (now >= remindAt && now < due && reminded() is null)
        {
            setReminded(now);
            t.Version++;
            AddHistory(db, t, "提醒", $"{what}时限 {TicketCards.Local(due)} 将到", now);
            var sent = 0;
            foreach (var department in Handlers(t))
            {
                sent += await NotifyAsync(db, t, department, $"【时限提醒】{t.Number} 需在 {TicketCards.Local(due)} 前{what}，请尽快处理。", what, "reminder", ct);
            }
            return sent;
        }
        return 0;
    }

    /// <summary>Co-handling departments are held to the lead department's deadlines.</summary>
    private static IEnumerable<string> Handlers(ServiceRequest t) => [t.Department, .. t.CoHandlers.Select(h => h.Department)];

    private async Task<int> NotifyAsync(HuaXinDbContext db, ServiceRequest t, string department, string text, string what, string stage, CancellationToken ct)
    {
        var queued = 0;
        var targets = await destinations.GetAsync(department, ct);
        for (var i = 0; i < targets.Count; i++)
        {
            if (await Outbox.AddAsync(db, targets[i].Channel, targets[i].Address, TicketCards.Notice(text), OutboxKey.Of("ticket", t.Number, "sla", what, stage, department, i), time, ct))
            {
                queued++;
            }
        }
        return queued;
    }

    private static void AddHistory(HuaXinDbContext db, ServiceRequest t, string action, string note, DateTimeOffset now) =>
        db.ServiceRequestHistory.Add(new ServiceRequestHistory
        {
            ServiceRequestId = t.Id, Action = action, FromStatus = t.Status, ToStatus = t.Status, Department = t.Department, Actor = "system:sla", ActorName = "时限监控", Note = note, At = now,
        });
}
