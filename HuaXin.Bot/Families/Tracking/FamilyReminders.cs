using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Families.Tracking;

/// <summary>Reminds each 联络员 of a home visit falling due under the visiting-frequency rule (once per due date, in
/// their own chat, else in the 车间工会's), and holds aid cases to their 7-working-day decision limit the way tickets are
/// held to theirs: the lead and co-handling departments are reminded at three quarters of the time, and 党委工作部 is
/// alerted once it has passed.</summary>
public sealed class FamilyReminders(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    DepartmentDestinations destinations,
    IOptionsMonitor<VisitRuleOptions> rules,
    TimeProvider time,
    WorkSignal<OutboxWork> outboxSignal,
    ILogger<FamilyReminders> logger) : PeriodicService(logger)
{
    protected override TimeProvider Clock => time;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CheckAsync(cancellationToken);

    /// <summary>Queues the reminders due now; returns how many notices were queued.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var queued = await VisitsAsync(db, ct) + await AidDeadlinesAsync(db, ct);
        await db.SaveChangesAsync(ct);
        if (queued > 0)
        {
            outboxSignal.Notify();
        }
        return queued;
    }

    private async Task<int> VisitsAsync(HuaXinDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var settings = rules.CurrentValue;
        var families = await db.Set<Worker>().AsNoTracking().Where(w => w.LiaisonId != null).ToListAsync(ct);
        if (families.Count == 0)
        {
            return 0;
        }
        var dues = await Liaisons.DuesAsync(db, families, now, settings, ct);
        var liaisonIds = families.Select(f => f.LiaisonId!.Value).Distinct().ToList();
        var liaisons = await db.Set<Worker>().AsNoTracking().Include(w => w.ChannelIdentities).Where(w => liaisonIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var queued = 0;
        foreach (var family in families)
        {
            var due = dues[family.Id];
            if (due.StateAt(now, settings) == VisitState.OnTime || !liaisons.TryGetValue(family.LiaisonId!.Value, out var liaison))
            {
                continue;
            }
            var text = $"【走访提醒】{liaison.Name}：{family.Name}家庭（{family.Unit}，工号{family.StaffId}）{(due.Priority ? "是重点服务家庭，" : "")}" +
                $"应在 {TicketCards.Local(due.Due)[..10]} 前上门走访{(now >= due.Due ? "，已逾期" : "")}。上次上门：{(due.LastHomeVisit is { } at ? TicketCards.Local(at)[..10] : "无记录")}。" +
                $"依据{settings.Rule}。走访后请在工作台录入走访记录。";
            var key = $"visit-due:{family.Id}:{TicketCards.Local(due.Due)[..10]}";
            queued += await ToLiaisonAsync(db, liaison, text, key, ct);
        }
        return queued;
    }

    /// <summary>The 联络员's own chat when the bot has talked with them; otherwise the 车间工会's chats, so the reminder is not lost.</summary>
    private async Task<int> ToLiaisonAsync(HuaXinDbContext db, Worker liaison, string text, string key, CancellationToken ct)
    {
        foreach (var (channel, userId) in FamilyIdentities.RosterIdentities(liaison))
        {
            if (await ConversationReferences.FindAsync(db, channel, userId, ct) is { } address)
            {
                return await Outbox.AddAsync(db, channel, address, new OutboundMessage(text), $"{key}:liaison", time, ct) ? 1 : 0;
            }
        }
        return await ToDepartmentAsync(db, AidTerms.FirstCheck, text, key, ct);
    }

    private async Task<int> AidDeadlinesAsync(HuaXinDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var undecided = new[] { AidStatus.AwaitingCheck, AidStatus.AwaitingDecision };
        var cases = await db.Set<AidCase>().Include(a => a.CoHandlers)
            .Where(a => undecided.Contains(a.Status) && (a.ReminderSentAt == null || a.EscalatedAt == null)).ToListAsync(ct);
        var queued = 0;
        foreach (var aid in cases)
        {
            var handlers = new[] { aid.Department }.Concat(aid.CoHandlers.Select(h => h.Department)).Distinct().ToList();
            if (now >= aid.Due && aid.EscalatedAt is null)
            {
                aid.EscalatedAt = now;
                aid.ReminderSentAt ??= now;
                aid.Version++;
                Step(db, aid, "超时", $"超过审批时限（{TicketCards.Local(aid.Due)}），转{Departments.Supervisor}督办", now);
                var text = $"【超时督办】帮扶救助 {aid.Number}（{aid.Department}主办）已超过审批时限 {TicketCards.Local(aid.Due)}，当前「{aid.Status}」，请{Departments.Supervisor}督办。";
                foreach (var department in handlers.Append(Departments.Supervisor).Distinct())
                {
                    queued += await ToDepartmentAsync(db, department, text, $"aid:{aid.Number}:escalated", ct);
                }
                continue;
            }
            var remindAt = aid.AppliedAt + (aid.Due - aid.AppliedAt) * 0.75;
            if (now >= remindAt && now < aid.Due && aid.ReminderSentAt is null)
            {
                aid.ReminderSentAt = now;
                aid.Version++;
                Step(db, aid, "提醒", $"审批时限 {TicketCards.Local(aid.Due)} 将到", now);
                foreach (var department in handlers)
                {
                    queued += await ToDepartmentAsync(db, department, $"【时限提醒】帮扶救助 {aid.Number} 当前「{aid.Status}」，需在 {TicketCards.Local(aid.Due)} 前完成审批。", $"aid:{aid.Number}:reminder", ct);
                }
            }
        }
        return queued;
    }

    private async Task<int> ToDepartmentAsync(HuaXinDbContext db, string department, string text, string key, CancellationToken ct)
    {
        var queued = 0;
        var targets = await destinations.GetAsync(department, ct);
        for (var i = 0; i < targets.Count; i++)
        {
            if (await Outbox.AddAsync(db, targets[i].Channel, targets[i].Address, new OutboundMessage(text), $"{key}:{department}:{i}", time, ct))
            {
                queued++;
            }
        }
        return queued;
    }

    private static void Step(HuaXinDbContext db, AidCase aid, string action, string note, DateTimeOffset now) =>
        db.Add(new AidStep { AidCaseId = aid.Id, Action = action, FromStatus = aid.Status, ToStatus = aid.Status, Actor = "system:deadline", ActorName = "时限监控", Note = note, At = now });
}
