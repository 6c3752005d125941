using HuaXin.Bot.Families;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.StaffConsole;

public static class ArchiveAccess
{
    /// <summary>The family access rule (<see cref="FamilyAccess"/>) over a loaded archive; <paramref name="rosterStaffId"/>
    /// is the staff member's own 工号 when they are in the roster, so a 联络员 reads their families.</summary>
    public static bool MayRead(this FamilyAccess access, StaffMember staff, FamilyArchive family, string? rosterStaffId) =>
        access.MayRead(staff, family.ServedBy, rosterStaffId is not null && family.Liaison?.StaffId == rosterStaffId);
}
