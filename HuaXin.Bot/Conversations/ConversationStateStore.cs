using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Conversations;

/// <summary>Dialog state rows with optimistic concurrency on <see cref="ConversationStateRow.Version"/>,
/// so two instances handling the same conversation never overwrite each other silently.</summary>
public sealed class ConversationStateStore(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time) : IConversationStateStore
{
    public async Task<StoredState?> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        conversationKey = StorageKey.Fit(conversationKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ConversationStates.AsNoTracking()
            .Where(s => s.Key == conversationKey)
            .Select(s => new StoredState(s.Json, s.Version))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SaveAsync(string conversationKey, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        conversationKey = StorageKey.Fit(conversationKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (expectedVersion == 0)
        {
            db.ConversationStates.Add(new ConversationStateRow { Key = conversationKey, Json = json, Version = 1, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                throw new StateConflictException(conversationKey);
            }
        }
        var rows = await db.ConversationStates
            .Where(s => s.Key == conversationKey && s.Version == expectedVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Json, json)
                .SetProperty(r => r.Version, expectedVersion + 1)
                .SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (rows == 0)
        {
            throw new StateConflictException(conversationKey);
        }
    }
}
