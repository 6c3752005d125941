using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HuaXin.Bot.Security;

/// <summary>One wrong password or wrong binding code.</summary>
public sealed class FailedAttempt
{
    public long Id { get; set; }
    /// <summary>What was tried, e.g. "console-login" or "family-binding".</summary>
    public required string Scope { get; set; }
    /// <summary>Who or what it counts against: a user name, a chat identity.</summary>
    public required string Key { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class FailedAttemptConfiguration : IEntityTypeConfiguration<FailedAttempt>
{
    public void Configure(EntityTypeBuilder<FailedAttempt> e)
    {
        e.ToTable("FailedAttempts");
        e.Property(a => a.Scope).HasMaxLength(40);
        e.Property(a => a.Key).HasMaxLength(FailedAttempts.MaxKeyLength);
        e.HasIndex(a => new { a.Scope, a.Key, a.At });
        e.HasIndex(a => a.At);
    }
}

/// <summary>Failed attempts counted in the database, so a limit holds for the whole service: an attacker spreading
/// guesses over the instances behind a load balancer gets no more tries than against one.</summary>
public sealed class FailedAttempts(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time)
{
    /// <summary>Attempts older than this are deleted as new ones come in; no limit looks back further.</summary>
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    internal const int MaxKeyLength = 300;

    public async Task<int> CountAsync(string scope, string key, TimeSpan window, CancellationToken ct)
    {
        var since = time.GetUtcNow() - window;
        key = Fit(key);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<FailedAttempt>().CountAsync(a => a.Scope == scope && a.Key == key && a.At > since, ct);
    }

    public async Task RecordAsync(string scope, string key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Set<FailedAttempt>().Add(new FailedAttempt { Scope = scope, Key = Fit(key), At = now });
        await db.SaveChangesAsync(ct);
        var expired = now - KeepFor;
        await db.Set<FailedAttempt>().Where(a => a.At < expired).ExecuteDeleteAsync(ct);
    }

    public async Task ClearAsync(string scope, string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        key = Fit(key);
        await db.Set<FailedAttempt>().Where(a => a.Scope == scope && a.Key == key).ExecuteDeleteAsync(ct);
    }

    // Junk identities (too long, or holding NUL, which PostgreSQL refuses) still count instead of failing.
    private static string Fit(string key) => StorageKey.Fit(key, MaxKeyLength);
}
