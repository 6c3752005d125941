using HuaXin.Bot.Core;

namespace HuaXin.Bot.Tickets;

/// <summary>A staff member's part in a case (ticket or aid case) that has a lead department (主办) and co-handling
/// departments (协办).</summary>
public enum CaseRole
{
    None,
    /// <summary>Sees the case, adds notes and its own steps; does not resolve it.</summary>
    CoHandler,
    /// <summary>The lead department's staff, or an admin: every step, including resolving and choosing co-handlers.</summary>
    Lead,
}

/// <summary>The one statement of who plays which part in a case with co-handlers, for tickets and aid cases alike.</summary>
public static class CoHandling
{
    public static CaseRole RoleOf(StaffMember? staff, string lead, IEnumerable<string> coHandlers) => staff switch
    {
        null => CaseRole.None,
        _ when staff.MayActOn(lead) => CaseRole.Lead,
        _ when coHandlers.Contains(staff.Department) => CaseRole.CoHandler,
        _ => CaseRole.None,
    };

    /// <summary>Why <paramref name="department"/> cannot be added as a co-handler, or null when it can.</summary>
    public static string? RefuseToAdd(string number, string lead, IReadOnlyCollection<string> coHandlers, string department) => department switch
    {
        _ when !Departments.IsKnown(department) => $"没有「{department}」这个部门。可选：{string.Join("、", Departments.All)}。",
        _ when department == lead => $"{department}是{number}的主办部门，不必再协办。",
        _ when coHandlers.Contains(department) => $"{department}已经在协办{number}。",
        _ => null,
    };

    /// <summary>Why <paramref name="department"/> cannot be removed as a co-handler, or null when it can.</summary>
    public static string? RefuseToRemove(string number, IReadOnlyCollection<string> coHandlers, string department) =>
        coHandlers.Contains(department) ? null : $"{department}没有在协办{number}。";
}
