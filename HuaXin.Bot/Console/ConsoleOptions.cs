using System.ComponentModel.DataAnnotations;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Settings under "Console": who may sign in to the staff web console, and how.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    public List<ConsoleAccount> Accounts { get; set; } = [];

    /// <summary>Signing in through the group's identity provider instead of (or beside) local accounts.</summary>
    public ConsoleOidcOptions Oidc { get; set; } = new();

    /// <summary>Failed sign-ins allowed per user name within <see cref="LockoutMinutes"/> before it is locked.</summary>
    [Range(1, 100)]
    public int MaxFailedLogins { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Idle time after which a console session ends.</summary>
    [Range(5, 24 * 60)]
    public int SessionMinutes { get; set; } = 480;

    /// <summary>Where staff reach this service from their phones, e.g. https://huaxin.example.com/. Ticket cards in
    /// DingTalk get 受理/办结 link buttons only when it is set.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>For a first trial on one machine: the console also answers plain HTTP, from loopback only (never from
    /// another machine or through a proxy), with cookies that do not need HTTPS. Never set it on a server.</summary>
    public bool TrialOverHttp { get; set; }

    /// <summary>How long a 受理/办结 link stays valid after the card was sent.</summary>
    [Range(1, 30 * 24)]
    public int ActionLinkHours { get; set; } = 72;
}

/// <summary>A local console account. <see cref="PasswordHash"/> is in ASP.NET Core Identity's PasswordHasher format
/// (v3: PBKDF2-HMAC-SHA512, 100 000 iterations, 128-bit salt), printed by <c>dotnet run -- hash-password</c>.</summary>
public sealed class ConsoleAccount
{
    public string UserName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Name { get; set; } = "";
    public string Department { get; set; } = "";
    public StaffRole Role { get; set; } = StaffRole.Staff;
}

public sealed class ConsoleOidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Claim carrying the staff member's department (one of the service's departments).</summary>
    public string DepartmentClaim { get; set; } = "department";
    /// <summary>Claim whose value <see cref="AdminRoleValue"/> makes the user an admin.</summary>
    public string RoleClaim { get; set; } = "role";
    public string AdminRoleValue { get; set; } = "huaxin-admin";
    public string NameClaim { get; set; } = "name";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
