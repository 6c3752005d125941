using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HuaXin.Bot.Data;

/// <summary>PostgreSQL text cannot hold NUL (U+0000) and refuses the whole row; SQLite stores it. Free text from users
/// (questions, slots, notes) may carry one, so it is removed from every string about to be saved, on both providers
/// alike; no reader could have seen it anyway. Keys are made to fit before this (Messaging.StorageKey).</summary>
public sealed class NulStripping : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Strip(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Strip(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Strip(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains('\0'))
                {
                    property.CurrentValue = text.Replace("\0", "", StringComparison.Ordinal);
                }
            }
        }
    }
}
