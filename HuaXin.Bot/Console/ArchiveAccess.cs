using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.StaffConsole;

public static class ArchiveAccess
{
    /// <summary>Admins read every family's archive; staff those their department has served (a request there).</summary>
    public static bool MayRead(this StaffMember staff, FamilyArchive family) =>
        staff.Role == StaffRole.Admin || family.Requests.Any(r => r.Department == staff.Department);
}
