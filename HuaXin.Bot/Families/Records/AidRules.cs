using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Families.Records;

/// <summary>Who may take each step of an aid case in its current state: the one statement of its rules, asked by
/// <see cref="AidCases"/> before a change and by pages to decide which steps to offer. Each returns why not, or null.
/// The case must be read with its co-handlers.</summary>
public static class AidRules
{
    /// <summary>初审 (入户核实): the 车间工会 as co-handler, or the lead.</summary>
    public static string? Check(AidCase a, StaffMember staff) => Participant(a, staff) ?? State(a, a.Status == AidStatus.AwaitingCheck, "初审");

    /// <summary>审批: the lead only, after 初审.</summary>
    public static string? Decide(AidCase a, StaffMember staff) => Lead(a, staff) ?? State(a, a.Status == AidStatus.AwaitingDecision, "审批");

    /// <summary>发放救助资金: the lead only, once approved.</summary>
    public static string? Pay(AidCase a, StaffMember staff) => Lead(a, staff) ?? State(a, a.Status == AidStatus.Approved, "发放");

    /// <summary>结案: the lead only.</summary>
    public static string? Close(AidCase a, StaffMember staff) => Lead(a, staff) ?? State(a, a.Status == AidStatus.Approved, "结案");

    public static string? Note(AidCase a, StaffMember staff) => Participant(a, staff);

    public static string? ChangeCoHandlers(AidCase a, StaffMember staff) => Lead(a, staff) ?? State(a, AidStatus.IsOpen(a.Status), "调整协办");

    public static CaseRole RoleOf(AidCase a, StaffMember? staff) => CoHandling.RoleOf(staff, a.Department, a.CoHandlers.Select(c => c.Department));

    private static string? Lead(AidCase a, StaffMember staff) => RoleOf(a, staff) switch
    {
        CaseRole.Lead => null,
        CaseRole.CoHandler => $"{a.Number} 由{a.Department}主办，{staff.Department}协办：这一步只有主办部门可以办理。",
        _ => OtherDepartment(a, staff),
    };

    private static string? Participant(AidCase a, StaffMember staff) => RoleOf(a, staff) == CaseRole.None ? OtherDepartment(a, staff) : null;

    private static string OtherDepartment(AidCase a, StaffMember staff) => $"{a.Number} 由{a.Department}主办，您（{staff.Department}）不在办理部门之列。";

    private static string? State(AidCase a, bool allowed, string action) => allowed ? null : $"{a.Number} 当前状态为「{a.Status}」，不能{action}。";
}
