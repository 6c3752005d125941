using HuaXin.Bot.Conversations;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Families;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tickets;

/// <summary>The ticket lifecycle: 待受理 → 已受理 → 处理中 → 已办结 → 已评价, with 转派, 退回/补充, 撤回, 督办, co-handling
/// departments (协办) and staff-only notes (内部备注). Who may take which step is <see cref="TicketRules"/>; each change, its
/// history entry and its notifications are committed in one transaction; notices leave through the outbox.</summary>
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
            if (TicketRules.Accept(t, actor) is { } refused) return Fail(refused);
            var from = t.Status;
            t.Status = RequestStatus.Accepted;
            t.Assignee = actor.Id;
            t.AssigneeName = actor.DisplayName;
            t.AcceptedAt = c.Now;
            c.History("受理", from, null);
            await c.ToRequesterAsync($"您的诉求 {t.Number} 已由{t.Department}的{actor.DisplayName}受理，工作人员会尽快与您联系。");
            return new TicketOutcome(true, $"已受理 {t.Number}。办结时限：{TicketCards.Local(t.ResolveDue)}。");
        });

    /// <summary>A progress note the requester is told about. A co-handler's note also goes to the lead department.</summary>
    public Task<TicketOutcome> CommentAsync(string number, TicketActor actor, string note, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.Comment(t, actor) is { } refused) return Fail(refused);
            if (NoteProblem(note, $"备注 {t.Number} 已电话联系家属，明天上门") is { } problem) return Invalid(problem);
            var from = t.Status;
            t.Status = RequestStatus.InProgress;
            c.History("备注", from, note);
            var department = actor.Staff!.Department;
            var byCoHandler = TicketRules.RoleOf(t, actor.Staff) == CaseRole.CoHandler;
            await c.ToRequesterAsync($"您的诉求 {t.Number} 有新进展（{(byCoHandler ? department : t.Department)}）：{note}");
            if (byCoHandler)
            {
                await c.ToDepartmentAsync(t.Department, TicketCards.Notice($"【协办进展】{t.Number} {actor.DisplayName}（{department}）：{note}"));
            }
            return new TicketOutcome(true, $"已记录备注，{t.Number} 处理中。");
        });

    /// <summary>A staff-only note: kept in the history for the departments on the ticket, never sent to the family.</summary>
    public Task<TicketOutcome> NoteInternallyAsync(string number, TicketActor actor, string note, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.NoteInternally(t, actor) is { } refused) return Fail(refused);
            if (NoteProblem(note, $"内部备注 {t.Number} 家属情绪激动，上门时请带上车间工会干部") is { } problem) return Invalid(problem);
            c.History("内部备注", t.Status, note, isInternal: true);
            var notice = TicketCards.Notice($"【内部备注】{t.Number} {actor.DisplayName}（{actor.Staff!.Department}）：{note}");
            foreach (var department in c.Departments.Where(d => d != actor.Staff.Department))
            {
                await c.ToDepartmentAsync(department, notice);
            }
            return new TicketOutcome(true, $"已记录内部备注（家属看不到）。");
        });

    public Task<TicketOutcome> AddCoHandlerAsync(string number, TicketActor actor, string department, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.ChangeCoHandlers(t, actor) is { } refused) return Fail(refused);
            if (CoHandling.RefuseToAdd(t.Number, t.Department, [.. t.CoHandlers.Select(h => h.Department)], department) is { } invalid) return Fail(invalid);
            t.CoHandlers.Add(new TicketCoHandler { Department = department, AddedAt = c.Now, AddedBy = actor.Id });
            c.History("协办", t.Status, $"{t.Department}主办，请{department}协办");
            await c.ToDepartmentAsync(department, TicketCards.StaffCard(t, CategoryName(t), $"【协办】{t.Department}请{department}协办"));
            await c.ToRequesterAsync($"您的诉求 {t.Number} 已请{department}协助{t.Department}办理。");
            return new TicketOutcome(true, $"已请{department}协办 {t.Number}。");
        });

    public Task<TicketOutcome> RemoveCoHandlerAsync(string number, TicketActor actor, string department, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.ChangeCoHandlers(t, actor) is { } refused) return Fail(refused);
            if (CoHandling.RefuseToRemove(t.Number, [.. t.CoHandlers.Select(h => h.Department)], department) is { } invalid) return Fail(invalid);
            c.Remove(t.CoHandlers.Single(h => h.Department == department));
            c.History("取消协办", t.Status, $"{department}不再协办");
            await c.ToDepartmentAsync(department, TicketCards.Notice($"【取消协办】{t.Number} 不再需要{department}协办。"));
            return new TicketOutcome(true, $"{department}不再协办 {t.Number}。");
        });

    public Task<TicketOutcome> TransferAsync(string number, TicketActor actor, string department, string reason, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.Transfer(t, actor) is { } refused) return Fail(refused);
            if (!Departments.IsKnown(department)) return Invalid($"没有「{department}」这个部门。可选：{string.Join("、", Departments.All)}。");
            if (department == t.Department) return Fail($"{t.Number} 已经在{department}。");
            if (string.IsNullOrWhiteSpace(reason)) return Invalid($"请写上转派原因，例如：转派 {t.Number} {department} 属于维修类。");
            if (TooLong(reason) is { } tooLong) return tooLong;
            var from = t.Status;
            var previous = t.Department;
            t.Department = department;
            t.Status = RequestStatus.Pending;
            t.Assignee = null;
            t.AssigneeName = null;
            // The new lead cannot co-handle its own ticket.
            if (t.CoHandlers.FirstOrDefault(h => h.Department == department) is { } self)
            {
                c.Remove(self);
            }
            c.History("转派", from, $"{previous} → {department}：{reason}");
            await c.ToDepartmentAsync(department, TicketCards.StaffCard(t, CategoryName(t), $"【转派】来自{previous}：{reason}"));
            await c.ToRequesterAsync($"您的诉求 {t.Number} 已转由{department}办理（{reason}）。");
            return new TicketOutcome(true, $"已将 {t.Number} 转派至{department}。");
        });

    public Task<TicketOutcome> ReturnAsync(string number, TicketActor actor, string reason, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.Return(t, actor) is { } refused) return Fail(refused);
            if (string.IsNullOrWhiteSpace(reason)) return Invalid($"请写上需要补充的内容，例如：退回 {t.Number} 请提供详细地址。");
            if (TooLong(reason) is { } tooLong) return tooLong;
            var from = t.Status;
            t.Status = RequestStatus.NeedsInfo;
            c.History("退回", from, reason);
            await c.ToRequesterAsync($"您的诉求 {t.Number} 需要补充信息：{reason}\n请回复：补充 {t.Number} 您要补充的内容");
            return new TicketOutcome(true, $"已退回 {t.Number}，等待申请人补充。");
        });

    public Task<TicketOutcome> SupplementAsync(string number, TicketActor actor, string info, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (!await c.IsRequesterAsync()) return Fail(NotYours);
            if (string.IsNullOrWhiteSpace(info)) return Invalid($"请写上补充内容，例如：补充 {t.Number} 地址是历城区华新小区3号楼。");
            if (TooLong(info) is { } tooLong) return tooLong;
            if (TicketRules.Supplement(t) is { } refused) return Fail(refused);
            var from = t.Status;
            if (t.Status == RequestStatus.NeedsInfo)
            {
                t.Status = t.Assignee is null ? RequestStatus.Pending : RequestStatus.InProgress;
            }
            c.History("补充", from, info);
            await c.ToDepartmentsAsync(TicketCards.Notice($"【补充】{t.Number} 申请人补充：{info}"));
            return new TicketOutcome(true, $"已把补充内容转给{t.Department}。");
        });

    /// <summary>Only the lead department resolves; co-handlers are told.</summary>
    public Task<TicketOutcome> ResolveAsync(string number, TicketActor actor, string result, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.Resolve(t, actor) is { } refused) return Fail(refused);
            if (string.IsNullOrWhiteSpace(result)) return Invalid($"请写上处理结果，例如：办结 {t.Number} 已安排志愿者陪护三天。");
            if (TooLong(result) is { } tooLong) return tooLong;
            var from = t.Status;
            t.Status = RequestStatus.Resolved;
            t.Result = result;
            t.ResolvedAt = c.Now;
            t.Assignee ??= actor.Id;
            t.AssigneeName ??= actor.DisplayName;
            t.AcceptedAt ??= c.Now;
            c.History("办结", from, result);
            await c.ToRequesterAsync(TicketCards.RatingRequest(t));
            foreach (var department in t.CoHandlers.Select(h => h.Department))
            {
                await c.ToDepartmentAsync(department, TicketCards.Notice($"【办结】{t.Number} 已由{t.Department}办结：{result}"));
            }
            return new TicketOutcome(true, $"已办结 {t.Number}，已请申请人评价。");
        });

    public Task<TicketOutcome> RateAsync(string number, TicketActor actor, string rating, string? comment, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (!await c.IsRequesterAsync()) return Fail(NotYours);
            if (!Ratings.All.Contains(rating)) return Invalid($"请从这几项中选择：{string.Join("、", Ratings.All)}。");
            if (comment is not null && TooLong(comment) is { } tooLong) return tooLong;
            if (TicketRules.Rate(t) is { } refused) return Fail(refused);
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
            if (!await c.IsRequesterAsync()) return Fail(NotYours);
            if (TicketRules.Withdraw(t) is { } refused) return Fail(refused);
            var from = t.Status;
            t.Status = RequestStatus.Withdrawn;
            c.History("撤回", from, null);
            await c.ToDepartmentsAsync(TicketCards.Notice($"【撤回】申请人已撤回诉求 {t.Number}。"));
            return new TicketOutcome(true, $"诉求 {t.Number} 已撤回。如需帮助随时找我。");
        });

    /// <summary>Links an unbound requester to the roster family their phone points to: only when staff of the lead
    /// department confirm it, and only while the proposal still holds.</summary>
    public Task<TicketOutcome> LinkRequesterAsync(string number, TicketActor actor, long workerId, long? memberId, CancellationToken ct) =>
        ChangeAsync(number, actor, ct, async (t, c) =>
        {
            if (TicketRules.LinkRequester(t, actor) is { } refused) return Fail(refused);
            var proposal = await c.RosterProposalAsync();
            if (proposal is null || proposal.WorkerId != workerId || proposal.MemberId != memberId)
            {
                return Fail("名册里没有与申请人电话相符的这户家庭，或申请人已关联了家庭，未作更改。");
            }
            c.Link(proposal);
            t.RequesterName ??= proposal.Name;
            t.RequesterRelation ??= proposal.Relation;
            c.History("关联家庭", t.Status, $"申请人关联到职工{proposal.WorkerName}（{proposal.Unit}，工号{proposal.StaffId}）家庭：{proposal.Name}（{proposal.Relation}）");
            return new TicketOutcome(true, $"已把申请人关联到{proposal.WorkerName}家庭。");
        });

    /// <summary>The roster family an unbound requester's phone points to, for staff to confirm; null when none.</summary>
    public async Task<RosterProposal?> RosterProposalAsync(ServiceRequest t, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RosterMatch.FindAsync(db, t.Channel, t.UserId, TicketSlots.Phone(t), ct);
    }

    /// <summary>Open tickets the staff member's department leads or co-handles (all departments for admins), oldest first.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> OpenForAsync(StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceRequests.AsNoTracking()
            .Where(r => RequestStatus.Open.Contains(r.Status) && (staff.Role == StaffRole.Admin || r.Department == staff.Department
                || r.CoHandlers.Any(h => h.Department == staff.Department)))
            .OrderBy(r => r.Id).Take(20).ToListAsync(ct);
    }

    internal string CategoryName(ServiceRequest t) => taxonomy.Find(t.Category)?.Name ?? t.Category;

    private static TicketOutcome Fail(string message) => new(false, message);

    private static string? NoteProblem(string note, string example) => note switch
    {
        _ when string.IsNullOrWhiteSpace(note) => $"请写上备注内容，例如：{example}。",
        { Length: > MaxTextLength } => $"备注太长了（{note.Length} 字），请控制在 {MaxTextLength} 字以内。",
        _ => null,
    };

    private static TicketOutcome Invalid(string message) => new(false, message, BadInput: true);

    private static TicketOutcome? TooLong(string text) =>
        text.Length > MaxTextLength ? Invalid($"内容太长了（超过{MaxTextLength}字），请精简后再提交。") : null;

    private async Task<TicketOutcome> ChangeAsync(string number, TicketActor actor, CancellationToken ct, Func<ServiceRequest, ChangeContext, Task<TicketOutcome>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var ticket = await db.ServiceRequests.Include(r => r.CoHandlers).SingleOrDefaultAsync(r => r.Number == number, ct);
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

        /// <summary>The lead department and every co-handling one.</summary>
        public IEnumerable<string> Departments => [ticket.Department, .. ticket.CoHandlers.Select(h => h.Department)];

        public void History(string action, string? from, string? note, bool isInternal = false)
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
                ActorName = actor.DisplayName,
                ActorDepartment = actor.Staff?.Department,
                Note = note,
                Internal = isInternal,
                At = Now,
            });
        }

        public void Remove(TicketCoHandler coHandler)
        {
            ticket.CoHandlers.Remove(coHandler);
            db.Remove(coHandler);
        }

        public Task<RosterProposal?> RosterProposalAsync() => RosterMatch.FindAsync(db, ticket.Channel, ticket.UserId, TicketSlots.Phone(ticket), ct);

        public void Link(RosterProposal proposal) => RosterMatch.Link(db, ticket.Channel, ticket.UserId, proposal, Now);

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

        /// <summary>The lead department and the co-handlers: what the requester adds or withdraws concerns them all.</summary>
        public async Task ToDepartmentsAsync(OutboundMessage message)
        {
            foreach (var department in Departments)
            {
                await ToDepartmentAsync(department, message);
            }
        }

        // Unique per ticket version and notice, so a retried change never queues the same notice twice.
        private string Key(params ReadOnlySpan<object> target) =>
            OutboxKey.Of(["ticket", ticket.Number, $"v{ticket.Version + 1}", _notices++, .. target]);
    }
}
