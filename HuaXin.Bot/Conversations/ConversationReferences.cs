using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Conversations;

/// <summary>Remembers where each user was last reachable per channel, so ticket notices can find them later.</summary>
public sealed class ConversationReferences(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time)
{
    public async Task RememberAsync(string channel, string userId, string address, CancellationToken cancellationToken)
    {
        var key = Key(channel, userId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ConversationReferences.AsNoTracking().Where(r => r.Key == key).Select(r => r.Address).FirstOrDefaultAsync(cancellationToken);
        if (stored == address)
        {
            // The usual turn: same user, same conversation as last time. A read, not a write that would queue behind others.
            return;
        }
        var now = time.GetUtcNow();
        if (stored is not null)
        {
            await db.ConversationReferences.Where(r => r.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Address, address).SetProperty(r => r.UpdatedAt, now), cancellationToken);
            return;
        }
        db.ConversationReferences.Add(new ConversationReference { Key = key, Channel = channel, UserId = userId, Address = address, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // Another turn of the same user stored it first; either address reaches them.
        }
    }

    public static Task<string?> FindAsync(HuaXinDbContext db, string channel, string userId, CancellationToken cancellationToken) =>
        db.ConversationReferences.Where(r => r.Key == Key(channel, userId)).Select(r => r.Address).FirstOrDefaultAsync(cancellationToken);

    private static string Key(string channel, string userId) => StorageKey.Fit($"{channel}:{userId}");
}
