using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Locks a user name after too many failed sign-ins within the lockout window. Counted per name whether or
/// not the account exists, so lockout does not reveal which names are real.</summary>
public sealed class LoginThrottle(IOptionsMonitor<ConsoleOptions> options, TimeProvider time)
{
    private const int MaxTracked = 10_000;
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);

    public bool IsLocked(string userName) =>
        _failures.TryGetValue(userName, out var f) && f.Count >= options.CurrentValue.MaxFailedLogins && time.GetUtcNow() < f.Since + Window;

    public void RecordFailure(string userName)
    {
        var now = time.GetUtcNow();
        if (_failures.Count > MaxTracked)
        {
            Prune(now);
        }
        _failures.AddOrUpdate(userName, _ => new Failures(1, now),
            (_, f) => now >= f.Since + Window ? new Failures(1, now) : f with { Count = f.Count + 1 });
    }

    public void RecordSuccess(string userName) => _failures.TryRemove(userName, out _);

    private TimeSpan Window => TimeSpan.FromMinutes(options.CurrentValue.LockoutMinutes);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (name, f) in _failures)
        {
            if (now >= f.Since + Window)
            {
                _failures.TryRemove(name, out _);
            }
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Since);
}
