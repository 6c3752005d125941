using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.StaffConsole;

public enum LoginResult
{
    Success,
    Invalid,
    LockedOut,
}

/// <summary>Checks local console accounts from configuration against their PBKDF2 password hashes, with lockout.</summary>
public sealed class ConsoleAccounts(IOptionsMonitor<ConsoleOptions> options, LoginThrottle throttle, ILogger<ConsoleAccounts> logger)
{
    private static readonly PasswordHasher<ConsoleAccount> Hasher = new();
    // Verified for unknown names too, so the response time does not tell which names exist.
    private static readonly string DummyHash = Hasher.HashPassword(new ConsoleAccount(), Guid.NewGuid().ToString());

    /// <param name="client">Where the attempt comes from (the client's address as the proxy saw it).</param>
    public async Task<(LoginResult Result, ClaimsPrincipal? Principal)> SignInAsync(string userName, string password, string client, CancellationToken ct)
    {
        userName = userName.Trim();
        if (await throttle.IsLockedAsync(userName, client, ct))
        {
            logger.LogWarning("Console sign-in refused: {UserName} is locked out", userName);
            return (LoginResult.LockedOut, null);
        }
        var account = options.CurrentValue.Accounts.FirstOrDefault(a => string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase));
        var verified = Hasher.VerifyHashedPassword(account ?? new ConsoleAccount(), account?.PasswordHash ?? DummyHash, password);
        if (account is null || verified == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(userName, client, ct);
            logger.LogWarning("Console sign-in failed for {UserName}", userName);
            return (await throttle.IsLockedAsync(userName, client, ct) ? LoginResult.LockedOut : LoginResult.Invalid, null);
        }
        await throttle.RecordSuccessAsync(userName, client, ct);
        logger.LogInformation("Console sign-in: {UserName} ({Department})", account.UserName, account.Department);
        return (LoginResult.Success, ConsoleClaims.Create(account.UserName, account.Name, account.Department, account.Role, ConsoleExtensions.Scheme, ConsoleSessions.Stamp(account)));
    }

    public static string Hash(string password) => Hasher.HashPassword(new ConsoleAccount(), password);
}
