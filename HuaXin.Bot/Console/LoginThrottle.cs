using HuaXin.Bot.Security;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Locks a user name for one client (address) after too many failed sign-ins from it within the lockout window,
/// across all instances. Per name and client, so nobody can lock a named staff member out by guessing at their name from
/// elsewhere; per name whether or not the account exists, so lockout does not reveal which names are real.</summary>
public sealed class LoginThrottle(FailedAttempts attempts, IOptionsMonitor<ConsoleOptions> options)
{
    private const string Scope = "console-login";

    public async Task<bool> IsLockedAsync(string userName, string client, CancellationToken ct) =>
        await attempts.CountAsync(Scope, Key(userName, client), TimeSpan.FromMinutes(options.CurrentValue.LockoutMinutes), ct) >= options.CurrentValue.MaxFailedLogins;

    public Task RecordFailureAsync(string userName, string client, CancellationToken ct) => attempts.RecordAsync(Scope, Key(userName, client), ct);

    public Task RecordSuccessAsync(string userName, string client, CancellationToken ct) => attempts.ClearAsync(Scope, Key(userName, client), ct);

    // Names compare case-insensitively, as accounts do.
    private static string Key(string userName, string client) => $"{userName.Trim().ToLowerInvariant()}|{client}";
}
