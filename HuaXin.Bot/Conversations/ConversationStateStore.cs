using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Conversations;

/// <summary>Dialog state rows with optimistic concurrency on <see cref="ConversationStateRow.Version"/>, so two
/// instances handling the same conversation never overwrite each other silently; written through
/// <see cref="GroupCommit"/>, or with the channel's own commit when the turn runs in <see cref="TurnWrites"/>.</summary>
/// <remarks>Each state this process loaded or saved is kept in memory with its version. A save that would store the
/// JSON the row already holds is skipped. On SQLite (one service process per database file) the memory is trusted
/// for loads; on PostgreSQL, where another instance may have moved the conversation on, every load reads the row.
/// Either way a save is conditional on the version, so a stale copy can only cost a re-run of the turn.</remarks>
public sealed class ConversationStateStore(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    GroupCommit groupCommit,
    IOptions<DatabaseOptions> database,
    TimeProvider time) : IConversationStateStore, IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly bool _trustCache = database.Value.Provider == DatabaseProvider.Sqlite;

    public async Task<StoredState?> LoadAsync(string conversationKey, CancellationToken cancellationToken)
    {
        conversationKey = StorageKey.Fit(conversationKey);
        if (_trustCache && _cache.TryGetValue(conversationKey, out StoredState? cached))
        {
            return cached;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ConversationStates.AsNoTracking()
            .Where(s => s.Key == conversationKey)
            .Select(s => new StoredState(s.Json, s.Version))
            .SingleOrDefaultAsync(cancellationToken);
        Remember(conversationKey, stored);
        return stored;
    }

    public async Task SaveAsync(string conversationKey, string json, long expectedVersion, CancellationToken cancellationToken)
    {
        conversationKey = StorageKey.Fit(conversationKey);
        if (_cache.TryGetValue(conversationKey, out StoredState? known) && known is not null && known.Version == expectedVersion && known.Json == json)
        {
            // Nothing changed (a greeting, the same question again): no write.
            return;
        }
        var turn = TurnWrites.Current;
        var write = Write(conversationKey, json, expectedVersion, turn);
        if (turn is not null)
        {
            turn.Add(write, kept =>
            {
                if (kept)
                {
                    Remember(conversationKey, new StoredState(json, expectedVersion + 1));
                }
                else
                {
                    // The turn was not stored (conflict, duplicate, lost lease): the row is whatever the database says.
                    _cache.Remove(conversationKey);
                }
            });
            return;
        }
        // Outside a channel's own commit the turn's caller holds its replies (expectReplies, /api/chat, an invoke
        // response): a power cut may undo this step of the dialog, never what anyone was told.
        if (!await groupCommit.WriteAsync(write, cancellationToken, durable: false))
        {
            _cache.Remove(conversationKey);
            throw new StateConflictException(conversationKey);
        }
        Remember(conversationKey, new StoredState(json, expectedVersion + 1));
    }

    /// <summary>The conditional write: insert when new, else update only the version that was loaded. Declines (and the
    /// turn flags a conflict) when another writer got there first.</summary>
    private Func<HuaXinDbContext, CancellationToken, Task<bool>> Write(string key, string json, long expectedVersion, TurnWrites? turn) => async (db, ct) =>
    {
        var now = time.GetUtcNow();
        bool kept;
        if (expectedVersion == 0)
        {
            db.ConversationStates.Add(new ConversationStateRow { Key = key, Json = json, Version = 1, UpdatedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                kept = true;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                db.ChangeTracker.Clear();
                kept = false;
            }
        }
        else
        {
            var update = StateUpdate.For(db);
            kept = await db.Database.ExecuteSqlRawAsync(update.Sql, [json, expectedVersion + 1, update.UpdatedAt(now), key, expectedVersion], ct) == 1;
        }
        if (!kept && turn is not null)
        {
            turn.Conflict = true;
        }
        return kept;
    };

    private void Remember(string key, StoredState? state)
    {
        if (state is null)
        {
            _cache.Remove(key);
            return;
        }
        _cache.Set(key, state, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(30) });
    }

    public void Dispose() => _cache.Dispose();
}
