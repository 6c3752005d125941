using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>A stored activity as a client receives it, with its watermark.</summary>
public sealed record StoredActivity(long Sequence, string Json);

/// <param name="Appended">False when the idempotency key was seen before and the earlier activity was returned.</param>
public sealed record AppendResult(string ActivityId, long Sequence, bool Appended);

/// <summary>Conversations and their ordered activities in the service database.</summary>
public sealed class DirectLineStore(IDbContextFactory<HuaXinDbContext> dbFactory, DirectLineNotifier notifier, TimeProvider time)
{
    private const int MaxAppendAttempts = 20;

    /// <summary>Activity ids follow the Direct Line form "{conversationId}|{sequence}".</summary>
    public static string ActivityId(string conversationId, long sequence) => $"{conversationId}|{sequence:D7}";

    /// <summary>Creates the conversation unless it exists; true when this call created it.</summary>
    public async Task<bool> EnsureConversationAsync(string conversationId, string userId, CancellationToken cancellationToken)
    {
        if (await FindConversationAsync(conversationId, cancellationToken) is not null)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Set<DirectLineConversation>().Add(new DirectLineConversation { Id = conversationId, UserId = userId, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrent request (e.g. a client retry) may have created it first; anything else is a real failure.
            if (await FindConversationAsync(conversationId, cancellationToken) is null)
            {
                throw;
            }
            return false;
        }
    }

    public async Task<DirectLineConversation?> FindConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<DirectLineConversation>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    /// <summary>Appends an activity at the conversation's next sequence. <paramref name="render"/> gets the activity id
    /// (which contains the sequence) and returns the activity JSON.</summary>
    public async Task<AppendResult> AppendAsync(string conversationId, string? idempotencyKey, Func<string, string> render, CancellationToken cancellationToken)
    {
        // Client activity ids and outbox keys come from outside and may not fit the column.
        idempotencyKey = idempotencyKey is null ? null : StorageKey.Fit(idempotencyKey, DirectLineActivityConfiguration.IdempotencyKeyLength);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var activities = db.Set<DirectLineActivity>();
            if (idempotencyKey is not null)
            {
                var seen = await activities.AsNoTracking()
                    .Where(a => a.ConversationId == conversationId && a.IdempotencyKey == idempotencyKey)
                    .Select(a => (long?)a.Sequence)
                    .FirstOrDefaultAsync(cancellationToken);
                if (seen is { } seenSequence)
                {
                    return new AppendResult(ActivityId(conversationId, seenSequence), seenSequence, false);
                }
            }
            var sequence = (await activities.Where(a => a.ConversationId == conversationId).MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0) + 1;
            var id = ActivityId(conversationId, sequence);
            activities.Add(new DirectLineActivity
            {
                ConversationId = conversationId,
                Sequence = sequence,
                IdempotencyKey = idempotencyKey,
                Json = render(id),
                CreatedAt = time.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAppendAttempts)
            {
                // Another writer took this sequence (or the same idempotency key): look again.
                continue;
            }
            notifier.Notify(conversationId);
            return new AppendResult(id, sequence, true);
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
}
