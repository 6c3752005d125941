using HuaXin.Bot.Data;

namespace HuaXin.Bot.Tickets;

/// <summary>Who may take each step of a ticket in its current state: the one statement of the ticket's rules. TicketService
/// asks before every change, pages ask which steps to offer. Each returns why the step is refused, or null when it may
/// go ahead. The ticket must be read with its co-handlers.</summary>
public static class TicketRules
{
    public static string? Accept(ServiceRequest t, TicketActor actor) => Lead(t, actor) ?? State(t, t.Status == RequestStatus.Pending, "受理");

    /// <summary>A progress note the requester is told about; co-handlers add their own.</summary>
    public static string? Comment(ServiceRequest t, TicketActor actor) =>
        Participant(t, actor) ?? State(t, t.Status is RequestStatus.Accepted or RequestStatus.InProgress, "备注");

    /// <summary>A staff-only note (内部备注): in any state, since staff keep records after 办结 too.</summary>
    public static string? NoteInternally(ServiceRequest t, TicketActor actor) => Participant(t, actor);

    public static string? Transfer(ServiceRequest t, TicketActor actor) => Lead(t, actor) ?? State(t, RequestStatus.IsWorkable(t.Status), "转派");

    public static string? Return(ServiceRequest t, TicketActor actor) => Lead(t, actor) ?? State(t, RequestStatus.IsWorkable(t.Status), "退回");

    /// <summary>Only the lead department resolves.</summary>
    public static string? Resolve(ServiceRequest t, TicketActor actor) => Lead(t, actor) ?? State(t, RequestStatus.IsWorkable(t.Status), "办结");

    /// <summary>Adding or removing co-handling departments: the lead department, while the ticket is open.</summary>
    public static string? ChangeCoHandlers(ServiceRequest t, TicketActor actor) => Lead(t, actor) ?? State(t, RequestStatus.IsOpen(t.Status), "调整协办");

    /// <summary>Linking an unbound requester to a roster family: a staff decision of the lead department.</summary>
    public static string? LinkRequester(ServiceRequest t, TicketActor actor) => Lead(t, actor);

    /// <summary>The requester's steps, as far as the ticket's state goes (whether the actor is the requester needs the database).</summary>
    public static string? Supplement(ServiceRequest t) => State(t, t.Status is not (RequestStatus.Resolved or RequestStatus.Rated or RequestStatus.Withdrawn), "补充");

    public static string? Withdraw(ServiceRequest t) => State(t, t.Status is not (RequestStatus.Resolved or RequestStatus.Rated or RequestStatus.Withdrawn), "撤回");

    public static string? Rate(ServiceRequest t) => State(t, t.Status == RequestStatus.Resolved, "评价");

    public static CaseRole RoleOf(ServiceRequest t, StaffMember? staff) => CoHandling.RoleOf(staff, t.Department, t.CoHandlers.Select(c => c.Department));

    /// <summary>Why a staff member of another department cannot act on a ticket.</summary>
    public static string OtherDepartment(string number, string department, StaffMember staff) => $"{number} 属于{department}，您（{staff.Department}）无权办理。";

    private static string? Lead(ServiceRequest t, TicketActor actor) => actor.Staff switch
    {
        null => NotStaff,
        var s => RoleOf(t, s) switch
        {
            CaseRole.Lead => null,
            CaseRole.CoHandler => $"{t.Number} 由{t.Department}主办，{s.Department}协办：这一步只有主办部门可以办理。",
            _ => OtherDepartment(t.Number, t.Department, s),
        },
    };

    private static string? Participant(ServiceRequest t, TicketActor actor) => actor.Staff switch
    {
        null => NotStaff,
        var s when RoleOf(t, s) == CaseRole.None => OtherDepartment(t.Number, t.Department, s),
        _ => null,
    };

    private static string? State(ServiceRequest t, bool allowed, string action) => allowed ? null : $"{t.Number} 当前状态为「{t.Status}」，不能{action}。";

    private const string NotStaff = "只有工作人员可以办理工单。";
}
