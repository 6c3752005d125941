using HuaXin.Bot.Security;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Locks a user name after too many failed sign-ins within the lockout window, across all instances. Counted
/// per name whether or not the account exists, so lockout does not reveal which names are real.</summary>
public sealed class LoginThrottle(FailedAttempts attempts, IOptionsMonitor<ConsoleOptions> options)
{
    private const string Scope = "console-login";

    public async Task<bool> IsLockedAsync(string userName, CancellationToken ct) =>
        await attempts.CountAsync(Scope, Key(userName), TimeSpan.FromMinutes(options.CurrentValue.LockoutMinutes), ct) >= options.CurrentValue.MaxFailedLogins;

    public Task RecordFailureAsync(string userName, CancellationToken ct) => attempts.RecordAsync(Scope, Key(userName), ct);

    public Task RecordSuccessAsync(string userName, CancellationToken ct) => attempts.ClearAsync(Scope, Key(userName), ct);

    // Names compare case-insensitively, as accounts do.
    private static string Key(string userName) => userName.Trim().ToLowerInvariant();
}
