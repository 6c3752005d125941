// Namespace StaffConsole, not Console: a HuaXin.Bot.Console namespace would shadow System.Console in the whole project.
namespace HuaXin.Bot.StaffConsole;

/// <summary>Authorization policy names for console pages: "Staff" for any console user, "FamilyService" for the
/// departments that keep every family's archive (and admins), "Admin" for all-department work.</summary>
public static class ConsolePolicies
{
    public const string Staff = "Staff";
    public const string FamilyService = "FamilyService";
    public const string Admin = "Admin";
}
