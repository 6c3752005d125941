using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Messaging;

/// <summary>The claim protocol of the inbound processor and the outbox dispatcher: list what is due, then take each
/// item with a conditional update, so of several instances exactly one works an item until its lease runs out.</summary>
internal static class Leases
{
    /// <summary>Pending items whose time has come and that nobody holds.</summary>
    public static IQueryable<T> Due<T>(this IQueryable<T> items, DateTimeOffset now) where T : class, ILeasedWork =>
        items.Where(m => m.Status == WorkStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now));

    /// <summary>Leases the item <paramref name="item"/> selects until now + <paramref name="lease"/>; false when it is
    /// done or another worker holds it.</summary>
    public static async Task<bool> TryClaimAsync<T>(this IQueryable<T> item, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
        where T : class, ILeasedWork
    {
        var until = now + lease;
        var rows = await item.Where(m => m.Status == WorkStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, until), cancellationToken);
        return rows == 1;
    }
}
