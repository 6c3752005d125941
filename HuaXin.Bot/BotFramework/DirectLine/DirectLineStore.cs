using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>A stored activity as a client receives it, with its watermark.</summary>
public sealed record StoredActivity(long Sequence, string Json);

/// <param name="Appended">False when the idempotency key was seen before and the earlier activity was returned.</param>
public sealed record AppendResult(string ActivityId, long Sequence, bool Appended);

/// <summary>Conversations and their ordered activities in the service database. Every append goes through
/// <see cref="GroupCommit"/>; conversations, which never change once created, are remembered in memory.</summary>
/// <remarks>On SQLite (one service process per database file) the client activity ids of a conversation this process
/// created are remembered as they are stored, so a post whose id is new skips the lookup before its turn (a fifth of a
/// post's cost under load). A repeated id, a conversation created before a restart or by another instance, and every
/// conversation on PostgreSQL are looked up as before; the commit checks the id again either way.</remarks>
public sealed class DirectLineStore(IDbContextFactory<HuaXinDbContext> dbFactory, GroupCommit groupCommit, DirectLineNotifier notifier, TimeProvider time,
    IOptions<DatabaseOptions> database) : IDisposable
{
    // Past this many ids a conversation's ids are looked up again: the memory stays bounded.
    private const int KeysRemembered = 256;

    private const int MaxAppendAttempts = 20;

    // Every post runs these two (the key once before the turn and again in its commit): compiled, EF Core does not
    // rebuild and look up their LINQ trees per call.
    private static readonly PerModel<Func<HuaXinDbContext, string, string, CancellationToken, Task<long?>>> SequenceOfKey = new(_ =>
        EF.CompileAsyncQuery((HuaXinDbContext db, string conversationId, string key, CancellationToken ct) => db.Set<DirectLineActivity>().AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.IdempotencyKey == key)
            .Select(a => (long?)a.Sequence)
            .FirstOrDefault()));

    private static readonly PerModel<Func<HuaXinDbContext, string, CancellationToken, Task<long?>>> LastSequence = new(_ =>
        EF.CompileAsyncQuery((HuaXinDbContext db, string conversationId, CancellationToken ct) => db.Set<DirectLineActivity>()
            .Where(a => a.ConversationId == conversationId)
            .Max(a => (long?)a.Sequence)));

    private readonly MemoryCache _conversations = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly MemoryCache _keys = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly bool _trustKeys = database.Value.Provider == DatabaseProvider.Sqlite;

    /// <summary>Activity ids follow the Direct Line form "{conversationId}|{sequence}".</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    /// <summary>Creates the conversation unless it exists; true when this call created it.</summary>
    public async Task<bool> EnsureConversationAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (await FindConversationAsync(conversationId, cancellationToken) is not null)
        {
            return false;
        }
        var conversation = new DirectLineConversation { Id = conversationId, UserId = userId, CreatedAt = time.GetUtcNow() };
        bool created;
        try
        {
            created = await groupCommit.WriteAsync(async (db, ct) =>
            {
                if (await db.Set<DirectLineConversation>().AnyAsync(c => c.Id == conversationId, ct))
                {
                    return false;
                }
                db.Set<DirectLineConversation>().Add(conversation);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            created = false; // another instance created it at the same moment
        }
        if (created)
        {
            Remember(conversation);
            if (_trustKeys)
            {
                // Every id of this conversation will be stored by this process, so the set is complete.
                _keys.Set(conversationId, new HashSet<string>(StringComparer.Ordinal), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
            }
        }
        return created;
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_conversations.TryGetValue(conversationId, out DirectLineConversation? known))
        {
            return known;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Set<DirectLineConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (found is not null)
        {
            Remember(found);
        }
        return found;
    }

    /// <summary>The id of the conversation's activity stored under <paramref name="idempotencyKey"/>, if any.</summary>
    public async Task<string?> FindActivityIdAsync(string conversationId, string idempotencyKey, CancellationToken cancellationToken)
    {
        idempotencyKey = StorageKey.Fit(idempotencyKey, DirectLineActivityConfiguration.IdempotencyKeyLength);
        if (_keys.TryGetValue(conversationId, out HashSet<string>? known) && known is not null)
        {
            lock (known)
            {
                if (!known.Contains(idempotencyKey)) return null;
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sequence = await SequenceOfKey.For(db)(db, conversationId, idempotencyKey, cancellationToken);
        return sequence is { } seen ? ActivityId(conversationId, seen) : null;
    }

    /// <summary>Appends an activity at the conversation's next sequence. <paramref name="render"/> gets the activity id
    /// (which contains the sequence) and returns the activity JSON.</summary>
    public async Task<AppendResult> AppendAsync(string conversationId, string? idempotencyKey, Func<string, string> render, CancellationToken cancellationToken)
    {
        var turn = await AppendTurnAsync(conversationId, idempotencyKey, render, [], null, null, cancellationToken);
        return turn.Result!;
    }

    /// <summary>Stores a whole turn in one commit: the user's activity, the turn's own writes (dialog state), where the
    /// user is reachable, and the bot's replies after it. Either all of it is stored or none.</summary>
    /// <param name="idempotencyKey">When the conversation already has an activity with this key, nothing is stored and
    /// that activity is returned (<see cref="AppendResult.Appended"/> false).</param>
    /// <param name="replies">Each gets its id and the first activity's id (its replyToId), and returns its JSON.</param>
    /// <param name="writes">The turn's deferred writes; when one declines nothing is stored and Result is null.</param>
    /// <param name="remember">Records where the user is reachable, inside the same commit.</param>
    public async Task<StoredTurn> AppendTurnAsync(
        string conversationId, string? idempotencyKey, Func<string, string> render, IReadOnlyList<Func<string, string, string>> replies,
        TurnWrites? writes, Func<HuaXinDbContext, CancellationToken, Task>? remember, CancellationToken cancellationToken)
    {
        // Client activity ids and outbox keys come from outside and may not fit the column.
        idempotencyKey = idempotencyKey is null ? null : StorageKey.Fit(idempotencyKey, DirectLineActivityConfiguration.IdempotencyKeyLength);
        for (var attempt = 1; ; attempt++)
        {
            AppendResult? result = null;
            bool kept;
            try
            {
                kept = await groupCommit.WriteAsync(async (db, ct) =>
                {
                    var activities = db.Set<DirectLineActivity>();
                    if (idempotencyKey is not null && await SequenceOfKey.For(db)(db, conversationId, idempotencyKey, ct) is { } seen)
                    {
                        result = new AppendResult(ActivityId(conversationId, seen), seen, false);
                        return false;
                    }
                    if (writes is not null && !await writes.WriteAsync(db, ct))
                    {
                        return false;
                    }
                    if (remember is not null)
                    {
                        await remember(db, ct);
                    }
                    var sequence = (await LastSequence.For(db)(db, conversationId, ct) ?? 0) + 1;
                    var id = ActivityId(conversationId, sequence);
                    var now = time.GetUtcNow();
                    activities.Add(new DirectLineActivity { ConversationId = conversationId, Sequence = sequence, IdempotencyKey = idempotencyKey, Json = render(id), CreatedAt = now });
                    for (var i = 0; i < replies.Count; i++)
                    {
                        var replySequence = sequence + 1 + i;
                        activities.Add(new DirectLineActivity
                        {
                            ConversationId = conversationId,
                            Sequence = replySequence,
                            IdempotencyKey = idempotencyKey is null ? null : StorageKey.Fit($"{idempotencyKey}:reply:{i}", DirectLineActivityConfiguration.IdempotencyKeyLength),
                            Json = replies[i](ActivityId(conversationId, replySequence), id),
                            CreatedAt = now,
                        });
                    }
                    result = new AppendResult(id, sequence, true);
                    return true;
                }, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAppendAttempts)
            {
                // Another instance took this sequence at the same moment (or stored the same key): look again.
                writes?.Completed(false);
                continue;
            }
            writes?.Completed(kept);
            if (idempotencyKey is not null && (kept || result is { Appended: false }))
            {
                RememberKey(conversationId, idempotencyKey);
            }
            if (kept)
            {
                notifier.Notify(conversationId);
            }
            return new StoredTurn(kept || result is { Appended: false } ? result : null);
        }
    }

    /// <summary>Activities after the watermark, oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<StoredActivity>> ListAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DirectLineActivity>().AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(limit)
            .Select(a => new StoredActivity(a.Sequence, a.Json))
            .ToListAsync(cancellationToken);
    }

    private void RememberKey(string conversationId, string idempotencyKey)
    {
        if (!_keys.TryGetValue(conversationId, out HashSet<string>? known) || known is null) return;
        lock (known)
        {
            known.Add(idempotencyKey);
            if (known.Count > KeysRemembered) _keys.Remove(conversationId);
        }
    }

    private void Remember(DirectLineConversation conversation) =>
        _conversations.Set(conversation.Id, conversation, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose()
    {
        _conversations.Dispose();
        _keys.Dispose();
    }
}

/// <param name="Result">The stored (or earlier) first activity; null when the turn's own writes declined (the
/// conversation state moved on: run the turn again).</param>
public sealed record StoredTurn(AppendResult? Result);
