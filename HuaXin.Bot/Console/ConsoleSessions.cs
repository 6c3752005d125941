using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Re-checks a console session on every request: the cookie carries a session id and a stamp of the account it
/// was issued for (name, department, role and, for local accounts, the password hash). A signed-out session, an account
/// removed from Console:Accounts or Staff:Members, a changed role, department or password all end the session at its
/// next request, on every instance. Single sign-on sessions keep what the provider said at sign-in and end on sign-out.</summary>
public sealed class ConsoleSessions(
    IOptionsMonitor<ConsoleOptions> console,
    StaffDirectory staff,
    IDbContextFactory<HuaXinDbContext> dbFactory,
    TimeProvider time)
{
    public const string SessionClaim = "huaxin:session";
    public const string StampClaim = "huaxin:stamp";

    /// <summary>The authentication type of sessions opened with "使用钉钉登录".</summary>
    public const string DingTalkSignIn = "DingTalk";

    public static string Stamp(ConsoleAccount account) =>
        Hash(account.UserName.ToLowerInvariant(), account.PasswordHash, account.Name, account.Department, account.Role.ToString());

    public static string Stamp(StaffMember member) =>
        Hash(member.Channel, member.UserId, member.Name, member.Department, member.Role.ToString());

    /// <summary>A new session id for a principal about to be signed in.</summary>
    public static string NewSessionId() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public async Task<bool> IsValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var session = user.FindFirstValue(SessionClaim);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (session is null || id is null)
        {
            return false;
        }
        var stamp = user.FindFirstValue(StampClaim);
        var current = user.Identity?.AuthenticationType switch
        {
            ConsoleExtensions.Scheme => console.CurrentValue.Accounts.FirstOrDefault(a => string.Equals(a.UserName, id, StringComparison.OrdinalIgnoreCase)) is { } a
                ? Stamp(a)
                : null,
            DingTalkSignIn => staff.Find(ChannelNames.DingTalk, id) is { } m ? Stamp(m) : null,
            _ => stamp,
        };
        if (current is null || stamp is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(current), Encoding.ASCII.GetBytes(stamp)))
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Set<RevokedConsoleSession>().AnyAsync(s => s.SessionId == session, cancellationToken);
    }

    /// <summary>Ends the session for good: a copy of its cookie is refused from now on.</summary>
    public async Task RevokeAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(SessionClaim) is not { } session)
        {
            return;
        }
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<RevokedConsoleSession>().Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        if (!await db.Set<RevokedConsoleSession>().AnyAsync(s => s.SessionId == session, cancellationToken))
        {
            // A stolen copy is refused, so it cannot slide its expiry on: it dies at most one session length from now.
            db.Add(new RevokedConsoleSession { SessionId = session, ExpiresAt = now + TimeSpan.FromMinutes(console.CurrentValue.SessionMinutes) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Signed out twice at once: revoked either way.
            }
        }
    }

    private static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', parts))))[..32];
}
