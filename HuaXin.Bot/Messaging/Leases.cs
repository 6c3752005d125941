using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Messaging;

/// <summary>The claim protocol of the inbound processor and the outbox dispatcher: list what is due, take each item
/// with a conditional update, keep the lease while working on it, and complete it only while still holding it.</summary>
/// <remarks>The lease's end time is also its fencing token: every claim and renewal writes a later one, and a worker
/// changes the item only where the row still holds the value it wrote. So a worker that stalled past its lease (a busy
/// CPU, a long pause) and was overtaken can no longer complete, fail or renew the item: its late work is discarded
/// instead of being applied twice.</remarks>
internal static class Leases
{
    /// <summary>Pending items whose time has come and that nobody holds.</summary>
    public static IQueryable<T> Due<T>(this IQueryable<T> items, DateTimeOffset now) where T : class, ILeasedWork =>
        items.Where(m => m.Status == WorkStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    /// <summary>Leases the item <paramref name="item"/> selects until now + <paramref name="lease"/>; the token, or
    /// null when it is done or another worker holds it.</summary>
    public static async Task<DateTimeOffset?> TryClaimAsync<T>(this IQueryable<T> item, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
        where T : class, ILeasedWork
    {
        var token = Token(now + lease);
        var rows = await item.Where(m => m.Status == WorkStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, token), cancellationToken);
        return rows == 1 ? token : null;
    }

    /// <summary>Moves the lease on to now + <paramref name="lease"/> if <paramref name="held"/> is still the item's
    /// token; the new token, or null when the lease was lost.</summary>
    public static async Task<DateTimeOffset?> TryRenewAsync<T>(this IQueryable<T> item, DateTimeOffset held, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
        where T : class, ILeasedWork
    {
        var token = Token(now + lease);
        if (token <= held)
        {
            return held;
        }
        var rows = await item.Where(m => m.Status == WorkStatus.Pending && m.LeaseUntil == held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, token), cancellationToken);
        return rows == 1 ? token : null;
    }

    /// <summary><see cref="TryClaimAsync{T}"/> through the shared commit; the token, or null.</summary>
    public static async Task<DateTimeOffset?> ClaimAsync<T>(this GroupCommit commit, Func<HuaXinDbContext, IQueryable<T>> item, TimeProvider time, TimeSpan lease, CancellationToken cancellationToken)
        where T : class, ILeasedWork
    {
        DateTimeOffset? token = null;
        await commit.WriteAsync(async (db, ct) => (token = await item(db).TryClaimAsync(time.GetUtcNow(), lease, ct)) is not null, cancellationToken);
        return token;
    }

    /// <summary><see cref="TryRenewAsync{T}"/> through the shared commit; the new token, or null when the lease was lost.</summary>
    public static async Task<DateTimeOffset?> RenewAsync<T>(this GroupCommit commit, Func<HuaXinDbContext, IQueryable<T>> item, DateTimeOffset held, TimeProvider time, TimeSpan lease)
        where T : class, ILeasedWork
    {
        DateTimeOffset? token = null;
        await commit.WriteAsync(async (db, ct) => (token = await item(db).TryRenewAsync(held, time.GetUtcNow(), lease, ct)) is not null, CancellationToken.None);
        return token;
    }

    /// <summary>The rows of <paramref name="items"/> still held with <paramref name="token"/>: what a completing
    /// worker may change.</summary>
    public static IQueryable<T> HeldWith<T>(this IQueryable<T> items, DateTimeOffset token) where T : class, ILeasedWork =>
        items.Where(m => m.Status == WorkStatus.Pending && m.LeaseUntil == token);

    /// <summary>Whole microseconds: what PostgreSQL stores, so the token read back equals the one written.</summary>
    private static DateTimeOffset Token(DateTimeOffset until) => new(until.Ticks - until.Ticks % 10, until.Offset);
}
