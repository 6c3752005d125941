using System.Security.Claims;
using HuaXin.Bot.Core;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.StaffConsole;

/// <summary>The claims a console session carries, and the staff member and ticket actor they stand for.</summary>
public static class ConsoleClaims
{
    public const string Department = "huaxin:department";
    public const string Role = "huaxin:role";
    /// <summary>The chat channel the identity comes from (DingTalk sign-in), so console actions carry the same actor id as chat.</summary>
    public const string ChannelClaim = "huaxin:channel";

    /// <param name="stamp">What <see cref="ConsoleSessions"/> checks the account against on each request; null for single
    /// sign-on, whose provider vouched for the claims.</param>
    public static ClaimsPrincipal Create(string userName, string name, string department, StaffRole role, string authenticationType,
        string? stamp, string channel = ChannelNames.StaffConsole) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, userName),
            new Claim(ClaimTypes.Name, name),
            new Claim(Department, department),
            new Claim(Role, role.ToString()),
            new Claim(ChannelClaim, channel),
            new Claim(ConsoleSessions.SessionClaim, ConsoleSessions.NewSessionId()),
            .. stamp is null ? Array.Empty<Claim>() : [new Claim(ConsoleSessions.StampClaim, stamp)],
        ], authenticationType, ClaimTypes.Name, Role));

    /// <summary>The signed-in staff member, or null when the principal lacks a known department.</summary>
    public static StaffMember? ToStaffMember(this ClaimsPrincipal user)
    {
        var department = user.FindFirstValue(Department);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (user.Identity?.IsAuthenticated != true || id is null || department is null || !Departments.IsKnown(department))
        {
            return null;
        }
        return new StaffMember
        {
            Channel = user.FindFirstValue(ChannelClaim) ?? ChannelNames.StaffConsole,
            UserId = id,
            Name = user.FindFirstValue(ClaimTypes.Name) ?? id,
            Department = department,
            Role = Enum.TryParse<StaffRole>(user.FindFirstValue(Role), out var role) ? role : StaffRole.Staff,
        };
    }

    /// <summary>Console actions go through TicketService as this actor, so chat and console obey the same rules.</summary>
    public static TicketActor ToTicketActor(this StaffMember staff) => new(staff.Channel, staff.UserId, staff.Name, staff);
}
