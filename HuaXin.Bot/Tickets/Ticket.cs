using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.People;
using static HuaXin.Bot.Tickets.RequestStatus;

namespace HuaXin.Bot.Tickets;

/// <summary>A ticket and all of its rules: 待受理 → 已受理 → 处理中 → 已办结 → 已评价, with 转派, 退回/补充, 撤回, 督办,
/// co-handling departments (协办), staff-only notes (内部备注) and the 十项帮扶承诺's time limits. Each step checks who may
/// take it in the ticket's state, changes the ticket, and leaves the history entries (<see cref="Recorded"/>) and the
/// notices to send (<see cref="Notices"/>); whoever loaded the ticket saves both, the notices through
/// <see cref="TicketOutbox"/>. One <see cref="Ticket"/> is one change: read it with its co-handlers.</summary>
public sealed class Ticket(ServiceRequest data, string? categoryName = null)
{
    /// <summary>The longest note, reason, result, supplement or rating comment a ticket keeps: more than any real one
    /// needs, and what cards, pages and exports can show.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Not finished: still with staff or waiting for the requester. The one definition of an open ticket.</summary>
    public static readonly IReadOnlyList<string> OpenStatuses = [Pending, Accepted, InProgress, NeedsInfo];

    /// <summary>Open and with staff, not waiting for the requester: staff may transfer, return or resolve it, and the
    /// time limits run.</summary>
    public static readonly IReadOnlyList<string> WithStaffStatuses = [Pending, Accepted, InProgress];

    public static bool IsOpen(string status) => OpenStatuses.Contains(status);

    public static bool IsWithStaff(string status) => WithStaffStatuses.Contains(status);

    /// <summary>The steps a ticket's card offers as buttons (to the lead department; pressing one is checked again).</summary>
    private static readonly TicketStep[] CardOffers = [TicketStep.Accept, TicketStep.Comment, TicketStep.Transfer, TicketStep.Resolve];

    private static readonly TicketActor Clock = new("system", "sla", "时限监控", null);
    private const string NotStaff = "只有工作人员可以办理工单。";
    private const string NotYours = "这条诉求不是您提交的，无法操作。";

    private readonly List<ServiceRequestHistory> _recorded = [];
    private readonly List<TicketNotice> _notices = [];

    public ServiceRequest Data => data;
    public string Number => data.Number;
    public string CategoryName => categoryName ?? data.Category;

    /// <summary>The history entries this change wrote (also added to the ticket's <see cref="ServiceRequest.History"/>).</summary>
    public IReadOnlyList<ServiceRequestHistory> Recorded => _recorded;

    public IReadOnlyList<TicketNotice> Notices => _notices;

    /// <summary>Names this change among the ticket's changes, so a retried change queues the same notices under the
    /// same keys: "created" for a new ticket, else the version the change leaves.</summary>
    public string ChangeKey { get; private set; } = "";

    /// <summary>A new ticket as submitted (numbered and filled in by the store): its first history entry and its card to
    /// the department.</summary>
    public static Ticket Submit(ServiceRequest data, string categoryName)
    {
        var ticket = new Ticket(data, categoryName) { ChangeKey = "created" };
        ticket.Add(new ServiceRequestHistory
        {
            Action = "提交", ToStatus = Pending, Department = data.Department, Actor = $"{data.Channel}:{data.UserId}", ActorName = data.RequesterName, At = data.CreatedAt,
        });
        ticket.Notify(TicketNotice.To(data.Department, TicketCards.StaffCard(data, categoryName, data.Urgent ? "【紧急】新诉求" : "新诉求")));
        return ticket;
    }

    // ---- Rules ----

    public CaseRole RoleOf(StaffMember? staff) => CoHandling.RoleOf(staff, data.Department, data.CoHandlers.Select(c => c.Department));

    /// <summary>Why the actor may not take the step now, or null when they may. For the requester's steps the caller has
    /// found out <see cref="TicketActor.IsRequester"/> from the store.</summary>
    public string? Refusal(TicketStep step, TicketActor actor) => WhoRefusal(step, actor) ?? StateRefusal(step);

    public bool Allows(TicketStep step, TicketActor actor) => Refusal(step, actor) is null;

    /// <summary>Every step the actor may take now: what the console offers.</summary>
    public IReadOnlyList<TicketStep> StepsFor(TicketActor actor) => [.. Enum.GetValues<TicketStep>().Where(s => Allows(s, actor))];

    /// <summary>The buttons of the ticket's card: 受理 / 备注 / 转派 / 办结 as far as the state allows.</summary>
    public IReadOnlyList<TicketStep> CardSteps => [.. CardOffers.Where(s => StateRefusal(s) is null)];

    /// <summary>Whether <paramref name="department"/> sees the family's phone numbers whole (and may call them): the
    /// departments working the ticket, the lead and every co-handler. Everyone else, admins and 督办 included, sees them masked.</summary>
    public bool MayCall(string? department) => MayCall(department, data.Department, data.CoHandlers.Select(h => h.Department));

    /// <summary>The rule of <see cref="MayCall(string?)"/> for a copy of a ticket (the family archive's): the
    /// <paramref name="lead"/> department and the <paramref name="coHandlers"/>.</summary>
    public static bool MayCall(string? reader, string lead, IEnumerable<string> coHandlers) =>
        reader is not null && (reader == lead || coHandlers.Contains(reader));

    /// <summary>Free text about the ticket (原话, slots, notes, result, rating) as <paramref name="department"/> reads it:
    /// whole when it <see cref="MayCall(string?)"/>, otherwise with every mobile number masked.</summary>
    public string Shown(string? text, string? department) => PhoneMask.Text(text, MayCall(department));

    /// <summary>Why a staff member of another department cannot act on a ticket.</summary>
    public static string OtherDepartment(string number, string department, StaffMember staff) => $"{number} 属于{department}，您（{staff.Department}）无权办理。";

    private string? WhoRefusal(TicketStep step, TicketActor actor) => step switch
    {
        TicketStep.Comment or TicketStep.NoteInternally => Participant(actor),
        _ when step.IsRequesters() => actor.IsRequester ? null : NotYours,
        _ => Lead(actor),
    };

    private string? StateRefusal(TicketStep step) => step switch
    {
        TicketStep.Accept => State(step, data.Status == Pending),
        TicketStep.Comment => State(step, data.Status is Accepted or InProgress),
        TicketStep.Transfer or TicketStep.Return or TicketStep.Resolve => State(step, IsWithStaff(data.Status)),
        TicketStep.ChangeCoHandlers or TicketStep.Supplement or TicketStep.Withdraw => State(step, IsOpen(data.Status)),
        TicketStep.Rate => State(step, data.Status == Resolved),
        // Staff keep records after 办结 too; a requester may be linked to their family at any time.
        _ => null,
    };

    private string? Lead(TicketActor actor) => actor.Staff switch
    {
        null => NotStaff,
        var s => RoleOf(s) switch
        {
            CaseRole.Lead => null,
            CaseRole.CoHandler => $"{data.Number} 由{data.Department}主办，{s.Department}协办：这一步只有主办部门可以办理。",
            _ => OtherDepartment(data.Number, data.Department, s),
        },
    };

    private string? Participant(TicketActor actor) => actor.Staff switch
    {
        null => NotStaff,
        var s when RoleOf(s) == CaseRole.None => OtherDepartment(data.Number, data.Department, s),
        _ => null,
    };

    private string? State(TicketStep step, bool allowed) => allowed ? null : $"{data.Number} 当前状态为「{data.Status}」，不能{step.Verb()}。";

    // ---- Staff steps ----

    public TicketOutcome Accept(TicketActor actor, DateTimeOffset now)
    {
        if (Refusal(TicketStep.Accept, actor) is { } refused) return Fail(refused);
        data.Assignee = actor.Id;
        data.AssigneeName = actor.DisplayName;
        data.AcceptedAt = now;
        Move(Accepted, "受理", null, actor, now);
        Notify(TicketNotice.ToRequester($"您的诉求 {Number} 已由{data.Department}的{actor.DisplayName}受理，工作人员会尽快与您联系。"));
        return Done($"已受理 {Number}。办结时限：{TicketCards.Local(data.ResolveDue)}。");
    }

    /// <summary>A progress note the requester is told about. A co-handler's note also goes to the lead department.</summary>
    public TicketOutcome Comment(TicketActor actor, string note, DateTimeOffset now)
    {
        if (Refusal(TicketStep.Comment, actor) is { } refused) return Fail(refused);
        if (NoteProblem(note, $"备注 {Number} 已电话联系家属，明天上门") is { } problem) return Invalid(problem);
        Move(InProgress, "备注", note, actor, now);
        var department = actor.Staff!.Department;
        var byCoHandler = RoleOf(actor.Staff) == CaseRole.CoHandler;
        Notify(TicketNotice.ToRequester($"您的诉求 {Number} 有新进展（{(byCoHandler ? department : data.Department)}）：{note}"));
        if (byCoHandler)
        {
            Notify(TicketNotice.To(data.Department, $"【协办进展】{Number} {actor.DisplayName}（{department}）：{note}"));
        }
        return Done($"已记录备注，{Number} 处理中。");
    }

    /// <summary>A staff-only note: kept in the history for the departments on the ticket, never sent to the family.</summary>
    public TicketOutcome NoteInternally(TicketActor actor, string note, DateTimeOffset now)
    {
        if (Refusal(TicketStep.NoteInternally, actor) is { } refused) return Fail(refused);
        if (NoteProblem(note, $"内部备注 {Number} 家属情绪激动，上门时请带上车间工会干部") is { } problem) return Invalid(problem);
        Record("内部备注", data.Status, note, actor, now, isInternal: true);
        foreach (var department in Handlers.Where(d => d != actor.Staff!.Department))
        {
            Notify(TicketNotice.To(department, $"【内部备注】{Number} {actor.DisplayName}（{actor.Staff!.Department}）：{note}"));
        }
        return Done("已记录内部备注（家属看不到）。");
    }

    public TicketOutcome AddCoHandler(TicketActor actor, string department, DateTimeOffset now)
    {
        if (Refusal(TicketStep.ChangeCoHandlers, actor) is { } refused) return Fail(refused);
        if (CoHandling.RefuseToAdd(Number, data.Department, [.. data.CoHandlers.Select(h => h.Department)], department) is { } invalid) return Fail(invalid);
        data.CoHandlers.Add(new TicketCoHandler { Department = department, AddedAt = now, AddedBy = actor.Id });
        Record("协办", data.Status, $"{data.Department}主办，请{department}协办", actor, now);
        Notify(TicketNotice.To(department, TicketCards.StaffCard(data, CategoryName, $"【协办】{data.Department}请{department}协办")));
        Notify(TicketNotice.ToRequester($"您的诉求 {Number} 已请{department}协助{data.Department}办理。"));
        return Done($"已请{department}协办 {Number}。");
    }

    /// <summary>Removing a co-handler from the ticket's list is enough: the store deletes a co-handler that has no ticket.</summary>
    public TicketOutcome RemoveCoHandler(TicketActor actor, string department, DateTimeOffset now)
    {
        if (Refusal(TicketStep.ChangeCoHandlers, actor) is { } refused) return Fail(refused);
        if (CoHandling.RefuseToRemove(Number, [.. data.CoHandlers.Select(h => h.Department)], department) is { } invalid) return Fail(invalid);
        data.CoHandlers.Remove(data.CoHandlers.Single(h => h.Department == department));
        Record("取消协办", data.Status, $"{department}不再协办", actor, now);
        Notify(TicketNotice.To(department, $"【取消协办】{Number} 不再需要{department}协办。"));
        return Done($"{department}不再协办 {Number}。");
    }

    public TicketOutcome Transfer(TicketActor actor, string department, string reason, DateTimeOffset now)
    {
        if (Refusal(TicketStep.Transfer, actor) is { } refused) return Fail(refused);
        if (!Departments.IsKnown(department)) return Invalid($"没有「{department}」这个部门。可选：{string.Join("、", Departments.All)}。");
        if (department == data.Department) return Fail($"{Number} 已经在{department}。");
        if (Unwritten(reason, $"请写上转派原因，例如：转派 {Number} {department} 属于维修类。") is { } unwritten) return unwritten;
        var previous = data.Department;
        data.Department = department;
        data.Assignee = null;
        data.AssigneeName = null;
        // The new lead cannot co-handle its own ticket.
        data.CoHandlers.RemoveAll(h => h.Department == department);
        Move(Pending, "转派", $"{previous} → {department}：{reason}", actor, now);
        Notify(TicketNotice.To(department, TicketCards.StaffCard(data, CategoryName, $"【转派】来自{previous}：{reason}")));
        Notify(TicketNotice.ToRequester($"您的诉求 {Number} 已转由{department}办理（{reason}）。"));
        return Done($"已将 {Number} 转派至{department}。");
    }

    public TicketOutcome Return(TicketActor actor, string reason, DateTimeOffset now)
    {
        if (Refusal(TicketStep.Return, actor) is { } refused) return Fail(refused);
        if (Unwritten(reason, $"请写上需要补充的内容，例如：退回 {Number} 请提供详细地址。") is { } unwritten) return unwritten;
        Move(NeedsInfo, "退回", reason, actor, now);
        Notify(TicketNotice.ToRequester($"您的诉求 {Number} 需要补充信息：{reason}\n请回复：补充 {Number} 您要补充的内容"));
        return Done($"已退回 {Number}，等待申请人补充。");
    }

    /// <summary>Only the lead department resolves; co-handlers are told.</summary>
    public TicketOutcome Resolve(TicketActor actor, string result, DateTimeOffset now)
    {
        if (Refusal(TicketStep.Resolve, actor) is { } refused) return Fail(refused);
        if (Unwritten(result, $"请写上处理结果，例如：办结 {Number} 已安排志愿者陪护三天。") is { } unwritten) return unwritten;
        data.Result = result;
        data.ResolvedAt = now;
        data.Assignee ??= actor.Id;
        data.AssigneeName ??= actor.DisplayName;
        data.AcceptedAt ??= now;
        Move(Resolved, "办结", result, actor, now);
        Notify(TicketNotice.ToRequester(TicketCards.RatingRequest(data)));
        foreach (var department in data.CoHandlers.Select(h => h.Department))
        {
            Notify(TicketNotice.To(department, $"【办结】{Number} 已由{data.Department}办结：{result}"));
        }
        return Done($"已办结 {Number}，已请申请人评价。");
    }

    /// <summary>Links an unbound requester to the roster family their phone points to (<paramref name="proposal"/>, as the
    /// store found it now): only when staff of the lead department confirm the family the page showed them.</summary>
    public TicketOutcome LinkRequester(TicketActor actor, RosterProposal? proposal, long workerId, long? memberId, DateTimeOffset now)
    {
        if (Refusal(TicketStep.LinkRequester, actor) is { } refused) return Fail(refused);
        if (proposal is null || proposal.WorkerId != workerId || proposal.MemberId != memberId)
        {
            return Fail("名册里没有与申请人电话相符的这户家庭，或申请人已关联了家庭，未作更改。");
        }
        data.RequesterName ??= proposal.Name;
        data.RequesterRelation ??= proposal.Relation;
        Record("关联家庭", data.Status, $"申请人关联到职工{proposal.WorkerName}（{proposal.Unit}，工号{proposal.StaffId}）家庭：{proposal.Name}（{proposal.Relation}）", actor, now);
        return Done($"已把申请人关联到{proposal.WorkerName}家庭。");
    }

    // ---- The requester's steps ----

    public TicketOutcome Supplement(TicketActor actor, string info, DateTimeOffset now)
    {
        if (!actor.IsRequester) return Fail(NotYours);
        if (Unwritten(info, $"请写上补充内容，例如：补充 {Number} 地址是历城区华新小区3号楼。") is { } unwritten) return unwritten;
        if (StateRefusal(TicketStep.Supplement) is { } refused) return Fail(refused);
        // Back to whoever was working it; any other state stays as it is.
        Move(data.Status != NeedsInfo ? data.Status : data.Assignee is null ? Pending : InProgress, "补充", info, actor, now);
        NotifyHandlers($"【补充】{Number} 申请人补充：{info}");
        return Done($"已把补充内容转给{data.Department}。");
    }

    public TicketOutcome Withdraw(TicketActor actor, DateTimeOffset now)
    {
        if (Refusal(TicketStep.Withdraw, actor) is { } refused) return Fail(refused);
        Move(Withdrawn, "撤回", null, actor, now);
        NotifyHandlers($"【撤回】申请人已撤回诉求 {Number}。");
        return Done($"诉求 {Number} 已撤回。如需帮助随时找我。");
    }

    /// <summary>A 不满意 or 非常不满意 rating reopens the ticket under the supervising department (督办).</summary>
    public TicketOutcome Rate(TicketActor actor, string rating, string? comment, DateTimeOffset now)
    {
        if (!actor.IsRequester) return Fail(NotYours);
        if (!Ratings.All.Contains(rating)) return Invalid($"请从这几项中选择：{string.Join("、", Ratings.All)}。");
        if (comment is not null && TooLong(comment) is { } tooLong) return tooLong;
        if (StateRefusal(TicketStep.Rate) is { } refused) return Fail(refused);
        data.Rating = rating;
        data.RatingComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var note = data.RatingComment is null ? rating : $"{rating}：{data.RatingComment}";
        Move(Rated, "评价", note, actor, now);
        Notify(TicketNotice.To(data.Department, $"【评价】{Number}：{note}"));
        if (!Ratings.IsDissatisfied(rating))
        {
            return Done("感谢您的评价！");
        }
        data.Supervised = true;
        Move(InProgress, "督办", $"申请人评价{rating}，转{Departments.Supervisor}督办", actor, now);
        Notify(TicketNotice.To(Departments.Supervisor, TicketCards.StaffCard(data, CategoryName, $"【督办】申请人评价{rating}", Departments.Supervisor)));
        return Done($"很抱歉这次没让您满意。{Departments.Supervisor}已介入督办，会尽快与您联系。");
    }

    // ---- The clock's steps ----

    /// <summary>Holds the departments to the ticket's time limits at <paramref name="now"/>: reminds them once three
    /// quarters of a window have passed, and escalates to the supervising department once the deadline is missed, each
    /// once per window. Returns the windows (受理, 办结) that were escalated now.</summary>
    public IReadOnlyList<string> CheckDeadlines(DateTimeOffset now)
    {
        var escalated = new List<string>();
        if (!IsWithStaff(data.Status))
        {
            return escalated;
        }
        if (data.Status == Pending)
        {
            (data.AcceptReminderSentAt, data.AcceptEscalatedAt) =
                CheckWindow("受理", data.FirstContactDue, data.AcceptReminderSentAt, data.AcceptEscalatedAt, now, escalated);
        }
        (data.ResolveReminderSentAt, data.ResolveEscalatedAt) =
            CheckWindow("办结", data.ResolveDue, data.ResolveReminderSentAt, data.ResolveEscalatedAt, now, escalated);
        return escalated;
    }

    /// <summary>Reminds or escalates one window when due; returns when it was reminded and escalated as it now stands.</summary>
    private (DateTimeOffset? Reminded, DateTimeOffset? Escalated) CheckWindow(
        string what, DateTimeOffset due, DateTimeOffset? reminded, DateTimeOffset? escalated, DateTimeOffset now, List<string> escalatedNow)
    {
        if (now >= due && escalated is null)
        {
            data.Supervised = true;
            Record("超时", data.Status, $"超过{what}时限（{TicketCards.Local(due)}），转{Departments.Supervisor}督办", Clock, now);
            foreach (var department in Handlers.Prepend(Departments.Supervisor).Distinct())
            {
                Notify(TicketNotice.To(department, $"【超时督办】{Number}（{data.Department}）已超过{what}时限 {TicketCards.Local(due)}，请{Departments.Supervisor}督办。"));
            }
            escalatedNow.Add(what);
            return (reminded ?? now, now);
        }
        var remindAt = data.CreatedAt + (due - data.CreatedAt) * 0.75;
        if (now >= remindAt && now < due && reminded is null)
        {
            Record("提醒", data.Status, $"{what}时限 {TicketCards.Local(due)} 将到", Clock, now);
            foreach (var department in Handlers)
            {
                Notify(TicketNotice.To(department, $"【时限提醒】{Number} 需在 {TicketCards.Local(due)} 前{what}，请尽快处理。"));
            }
            return (now, escalated);
        }
        return (reminded, escalated);
    }

    // ---- Recording ----

    /// <summary>The lead department and every co-handling one: all are told what the requester adds or withdraws, and
    /// all are held to the lead department's deadlines.</summary>
    private IEnumerable<string> Handlers => [data.Department, .. data.CoHandlers.Select(h => h.Department)];

    /// <summary>Puts the ticket in <paramref name="to"/> and records the step with the state it left.</summary>
    private void Move(string to, string action, string? note, TicketActor actor, DateTimeOffset now)
    {
        var from = data.Status;
        data.Status = to;
        Record(action, from, note, actor, now);
    }

    private void Record(string action, string? from, string? note, TicketActor actor, DateTimeOffset now, bool isInternal = false)
    {
        if (_recorded.Count == 0)
        {
            // One change, one version: a concurrent change of the same version loses and is re-checked.
            data.Version++;
            ChangeKey = $"v{data.Version}";
        }
        if (actor != Clock)
        {
            data.UpdatedAt = now;
        }
        Add(new ServiceRequestHistory
        {
            ServiceRequestId = data.Id,
            Action = action,
            FromStatus = from,
            ToStatus = data.Status,
            Department = data.Department,
            Actor = actor.Id,
            ActorName = actor.DisplayName,
            ActorDepartment = actor.Staff?.Department,
            Note = note,
            Internal = isInternal,
            At = now,
        });
    }

    private void Add(ServiceRequestHistory entry)
    {
        _recorded.Add(entry);
        data.History.Add(entry);
    }

    private void Notify(TicketNotice notice) => _notices.Add(notice);

    private void NotifyHandlers(string text)
    {
        foreach (var department in Handlers)
        {
            Notify(TicketNotice.To(department, text));
        }
    }

    private static TicketOutcome Done(string message) => new(true, message);

    private static TicketOutcome Fail(string message) => new(false, message);

    private static TicketOutcome Invalid(string message) => new(false, message, BadInput: true);

    private static string? NoteProblem(string note, string example) => note switch
    {
        _ when string.IsNullOrWhiteSpace(note) => $"请写上备注内容，例如：{example}。",
        { Length: > MaxTextLength } => $"备注太长了（{note.Length} 字），请控制在 {MaxTextLength} 字以内。",
        _ => null,
    };

    /// <summary>Refuses an empty text with an example of what to write, and an overlong one.</summary>
    private static TicketOutcome? Unwritten(string text, string example) => string.IsNullOrWhiteSpace(text) ? Invalid(example) : TooLong(text);

    private static TicketOutcome? TooLong(string text) =>
        text.Length > MaxTextLength ? Invalid($"内容太长了（超过{MaxTextLength}字），请精简后再提交。") : null;
}
