using HuaXin.Bot.Conversations;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Families;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tickets;

/// <summary>The ticket lifecycle: 待受理 → 已受理 → 处理中 → 已办结 → 已评价, with 转派, 退回/补充, 撤回 and 督办.
/// Each change, its history entry and its notifications are committed in one transaction; notices leave through the outbox.</summary>
public sealed class TicketService(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    DepartmentDestinations destinations,
    Taxonomy taxonomy,
    TimeProvider time,
    WorkSignal<OutboxWork> outboxSignal,
    ILogger<TicketService> logger)
{
    private const string NotFound = "没有找到这个编号的诉求，请核对编号（例如 HX-20261123-0001）。";
    private const string NotYours = "这条诉求不是您提交的，无法操作。";

    /// <summary>The longest note, reason, result, supplement or rating comment a ticket keeps: more than any real one
    /// needs, and what cards, pages and exports can show.</summary>
    public const int MaxTextLength = 1000;

    public Task<TicketOutcome> AcceptAsync(string number, TicketActor actor, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (StaffCheck(t, actor) is { } denied) return denied;
            if (t.Status != RequestStatus.Pending) return Refuse(t, "受理");
            var from = t.Status;
            t.Status = RequestStatus.Accepted;
            t.Assignee = actor.Id;
            t.AssigneeName = actor.DisplayName;
            t.AcceptedAt = c.Now;
            c.History("受理", from, null);
            await c.ToRequesterAsync($"您的诉求 {t.Number} 已由{t.Department}的{actor.DisplayName}受理，工作人员会尽快与您联系。");
            return new TicketOutcome(true, $"已受理 {t.Number}。办结时限：{TicketCards.Local(t.ResolveDue)}。");
        });

    public Task<TicketOutcome> CommentAsync(string number, TicketActor actor, string note, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (StaffCheck(t, actor) is { } denied) return denied;
            if (string.IsNullOrWhiteSpace(note)) return Invalid($"请写上备注内容，例如：备注 {t.Number} 已电话联系家属，明天上门。");
            if (TooLong(note) is { } tooLong) return tooLong;
            if (t.Status is not (RequestStatus.Accepted or RequestStatus.InProgress)) return Refuse(t, "备注");
            var from = t.Status;
            t.Status = RequestStatus.InProgress;
            c.History("备注", from, note);
            await c.ToRequesterAsync($"您的诉求 {t.Number} 有新进展（{t.Department}）：{note}");
            return new TicketOutcome(true, $"已记录备注，{t.Number} 处理中。");
        });

    public Task<TicketOutcome> TransferAsync(string number, TicketActor actor, string department, string reason, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (StaffCheck(t, actor) is { } denied) return denied;
            if (!Departments.IsKnown(department)) return Invalid($"没有「{department}」这个部门。可选：{string.Join("、", Departments.All)}。");
            if (department == t.Department) return new TicketOutcome(false, $"{t.Number} 已经在{department}。");
            if (!RequestStatus.IsWorkable(t.Status)) return Refuse(t, "转派");
            if (string.IsNullOrWhiteSpace(reason)) return Invalid($"请写上转派原因，例如：转派 {t.Number} {department} 属于维修类。");
            if (TooLong(reason) is { } tooLong) return tooLong;
            var from = t.Status;
            var previous = t.Department;
            t.Department = department;
            t.Status = RequestStatus.Pending;
            t.Assignee = null;
            t.AssigneeName = null;
            c.History("转派", from, $"{previous} → {department}：{reason}");
            await c.ToDepartmentAsync(department, TicketCards.StaffCard(t, CategoryName(t), $"【转派】来自{previous}：{reason}"));
            await c.ToRequesterAsync($"您的诉求 {t.Number} 已转由{department}办理（{reason}）。");
            return new TicketOutcome(true, $"已将 {t.Number} 转派至{department}。");
        });

    public Task<TicketOutcome> ReturnAsync(string number, TicketActor actor, string reason, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (StaffCheck(t, actor) is { } denied) return denied;
            if (string.IsNullOrWhiteSpace(reason)) return Invalid($"请写上需要补充的内容，例如：退回 {t.Number} 请提供详细地址。");
            if (TooLong(reason) is { } tooLong) return tooLong;
            if (!RequestStatus.IsWorkable(t.Status)) return Refuse(t, "退回");
            var from = t.Status;
            t.Status = RequestStatus.NeedsInfo;
            c.History("退回", from, reason);
            await c.ToRequesterAsync($"您的诉求 {t.Number} 需要补充信息：{reason}\n请回复：补充 {t.Number} 您要补充的内容");
            return new TicketOutcome(true, $"已退回 {t.Number}，等待申请人补充。");
        });

    public Task<TicketOutcome> SupplementAsync(string number, TicketActor actor, string info, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (!await c.IsRequesterAsync()) return new TicketOutcome(false, NotYours);
            if (string.IsNullOrWhiteSpace(info)) return Invalid($"请写上补充内容，例如：补充 {t.Number} 地址是历城区华新小区3号楼。");
            if (TooLong(info) is { } tooLong) return tooLong;
            if (t.Status is RequestStatus.Resolved or RequestStatus.Rated or RequestStatus.Withdrawn) return Refuse(t, "补充");
            var from = t.Status;
            if (t.Status == RequestStatus.NeedsInfo)
            {
                t.Status = t.Assignee is null ? RequestStatus.Pending : RequestStatus.InProgress;
            }
            c.History("补充", from, info);
            await c.ToDepartmentAsync(t.Department, TicketCards.Notice($"【补充】{t.Number} 申请人补充：{info}"));
            return new TicketOutcome(true, $"已把补充内容转给{t.Department}。");
        });

    public Task<TicketOutcome> ResolveAsync(string number, TicketActor actor, string result, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (StaffCheck(t, actor) is { } denied) return denied;
            if (string.IsNullOrWhiteSpace(result)) return Invalid($"请写上处理结果，例如：办结 {t.Number} 已安排志愿者陪护三天。");
            if (TooLong(result) is { } tooLong) return tooLong;
            if (!RequestStatus.IsWorkable(t.Status)) return Refuse(t, "办结");
            var from = t.Status;
            t.Status = RequestStatus.Resolved;
            t.Result = result;
            t.ResolvedAt = c.Now;
            t.Assignee ??= actor.Id;
            t.AssigneeName ??= actor.DisplayName;
            t.AcceptedAt ??= c.Now;
            c.History("办结", from, result);
            await c.ToRequesterAsync(TicketCards.RatingRequest(t));
            return new TicketOutcome(true, $"已办结 {t.Number}，已请申请人评价。");
        });

    public Task<TicketOutcome> RateAsync(string number, TicketActor actor, string rating, string? comment, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (!await c.IsRequesterAsync()) return new TicketOutcome(false, NotYours);
            if (!Ratings.All.Contains(rating)) return Invalid($"请从这几项中选择：{string.Join("、", Ratings.All)}。");
            if (comment is not null && TooLong(comment) is { } tooLong) return tooLong;
            if (t.Status != RequestStatus.Resolved) return Refuse(t, "评价");
            var from = t.Status;
            t.Rating = rating;
            t.RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
            t.Status = RequestStatus.Rated;
            c.History("评价", from, t.RatingComment is null ? rating : $"{rating}：{t.RatingComment}");
            await c.ToDepartmentAsync(t.Department, TicketCards.Notice($"【评价】{t.Number}：{c.HistoryNote}"));
            if (!Ratings.IsDissatisfied(rating))
            {
                return new TicketOutcome(true, "感谢您的评价！");
            }
            // 督办: the ticket reopens and the supervising department follows it up.
            t.Status = RequestStatus.InProgress;
            t.Supervised = true;
            c.History("督办", RequestStatus.Rated, $"申请人评价{rating}，转{Departments.Supervisor}督办");
            await c.ToDepartmentAsync(Departments.Supervisor, TicketCards.StaffCard(t, CategoryName(t), $"【督办】申请人评价{rating}", Departments.Supervisor));
            return new TicketOutcome(true, $"很抱歉这次没让您满意。{Departments.Supervisor}已介入督办，会尽快与您联系。");
        });

    public Task<TicketOutcome> WithdrawAsync(string number, TicketActor actor, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (!await c.IsRequesterAsync()) return new TicketOutcome(false, NotYours);
            if (t.Status is RequestStatus.Resolved or RequestStatus.Rated or RequestStatus.Withdrawn) return Refuse(t, "撤回");
            var from = t.Status;
            t.Status = RequestStatus.Withdrawn;
            c.History("撤回", from, null);
            await c.ToDepartmentAsync(t.Department, TicketCards.Notice($"【撤回】申请人已撤回诉求 {t.Number}。"));
            return new TicketOutcome(true, $"诉求 {t.Number} 已撤回。如需帮助随时找我。");
        });

    /// <summary>Open tickets of the actor's department (all departments for admins), oldest first.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> OpenForAsync(StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = new[] { RequestStatus.Pending, RequestStatus.Accepted, RequestStatus.InProgress, RequestStatus.NeedsInfo };
        return await db.ServiceRequests.AsNoTracking()
            .Where(r => open.Contains(r.Status) && (staff.Role == StaffRole.Admin || r.Department == staff.Department))
            .OrderBy(r => r.Id).Take(20).ToListAsync(ct);
    }

    internal string CategoryName(ServiceRequest t) => taxonomy.Find(t.Category)?.Name ?? t.Category;

    private static TicketOutcome? StaffCheck(ServiceRequest t, TicketActor actor) => actor.Staff switch
    {
        null => new TicketOutcome(false, "只有工作人员可以办理工单。"),
        var s when !s.MayActOn(t.Department) => new TicketOutcome(false, OtherDepartment(t.Number, t.Department, s)),
        _ => null,
    };

    /// <summary>Why a staff member of another department cannot act on a ticket.</summary>
    internal static string OtherDepartment(string number, string department, StaffMember staff) => $"{number} 属于{department}，您（{staff.Department}）无权办理。";

    private static TicketOutcome Invalid(string message) => new(false, message, BadInput: true);

    private static TicketOutcome? TooLong(string text) =>
        text.Length > MaxTextLength ? Invalid($"内容太长了（超过{MaxTextLength}字），请精简后再提交。") : null;

    private static TicketOutcome Refuse(ServiceRequest t, string action) =>
        new(false, $"{t.Number} 当前状态为「{t.Status}」，不能{action}。");

    private async Task<TicketOutcome> ChangeAsync(string number, TicketActor actor, CancellationToken ct, Func<ServiceRequest, ChangeContext, Task<TicketOutcome>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ticket = await db.ServiceRequests.SingleOrDefaultAsync(r => r.Number == number, ct);
            if (ticket is null)
            {
                return new TicketOutcome(false, NotFound);
            }
            var context = new ChangeContext(db, ticket, actor, time.GetUtcNow(), destinations, time, ct);
            var outcome = await change(ticket, context);
            if (!outcome.Ok)
            {
                return outcome;
            }
            ticket.UpdatedAt = context.Now;
            ticket.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                outboxSignal.Notify();
                logger.LogInformation("Ticket {Number}: {Actions} by {Actor}", number, string.Join(",", context.Actions), actor.Id);
                return outcome with { Ticket = ticket };
            }
            catch (DbUpdateException e) when (attempt < 5 && (e is DbUpdateConcurrencyException || e.IsUniqueViolation()))
            {
                // Someone else changed the ticket meanwhile (its version moved, or its notices for this version are
                // already queued): re-read and re-check the transition.
            }
        }
    }

    /// <summary>Collects one change's history entries and notices inside the change's DbContext.</summary>
    private sealed class ChangeContext(HuaXinDbContext db, ServiceRequest ticket, TicketActor actor, DateTimeOffset now, DepartmentDestinations destinations, TimeProvider time, CancellationToken ct)
    {
        private int _notices;

        public DateTimeOffset Now { get; } = now;
        public List<string> Actions { get; } = [];
        public string? HistoryNote { get; private set; }

        public void History(string action, string? from, string? note)
        {
            Actions.Add(action);
            HistoryNote = note;
            db.ServiceRequestHistory.Add(new ServiceRequestHistory
            {
                ServiceRequestId = ticket.Id,
                Action = action,
                FromStatus = from,
                ToStatus = ticket.Status,
                Department = ticket.Department,
                Actor = actor.Id,
                Note = note,
                At = Now,
            });
        }

        /// <summary>The requester, or anyone of the requester's family (the worker and members linked to the worker).</summary>
        public async Task<bool> IsRequesterAsync() =>
            (ticket.Channel == actor.Channel && ticket.UserId == actor.UserId)
            || await FamilyIdentities.SameFamilyAsync(db, actor.Channel, actor.UserId, ticket.Channel, ticket.UserId, ct);

        public Task ToRequesterAsync(string text) => ToRequesterAsync(TicketCards.Notice(text));

        public async Task ToRequesterAsync(OutboundMessage message)
        {
            var address = await ConversationReferences.FindAsync(db, ticket.Channel, ticket.UserId, ct);
            if (address is not null)
            {
                await Outbox.AddAsync(db, ticket.Channel, address, message, Key("requester"), time, ct);
            }
        }

        public async Task ToDepartmentAsync(string department, OutboundMessage message)
        {
            foreach (var d in await destinations.GetAsync(department, ct))
            {
                await Outbox.AddAsync(db, d.Channel, d.Address, message, Key(department, d.Channel), time, ct);
            }
        }

        // Unique per ticket version and notice, so a retried change never queues the same notice twice.
        private string Key(params ReadOnlySpan<object> target) =>
            OutboxKey.Of(["ticket", ticket.Number, $"v{ticket.Version + 1}", _notices++, .. target]);
    }
}
