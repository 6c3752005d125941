using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Messaging;

/// <summary>Remembers where each user was last reachable per channel, one-to-one (see <see cref="IPersonalAddress"/>),
/// so ticket notices can find them later and reach them alone.</summary>
public sealed class ConversationReferences(GroupCommit groupCommit, IEnumerable<IPersonalAddress> personal, TimeProvider time)
{
    // Read on every turn: compiled, so EF Core does not rebuild and look up its LINQ tree per call.
    private static readonly PerModel<Func<HuaXinDbContext, string, CancellationToken, Task<string?>>> AddressOf = new(_ =>
        EF.CompileAsyncQuery((HuaXinDbContext db, string key, CancellationToken ct) =>
            db.ConversationReferences.AsNoTracking().Where(r => r.Key == key).Select(r => r.Address).FirstOrDefault()));

    public Task RememberAsync(string channel, string userId, string address, CancellationToken cancellationToken) =>
        groupCommit.WriteAsync(async (db, ct) =>
        {
            await RememberAsync(db, channel, userId, address, ct);
            return true;
        }, cancellationToken);

    /// <summary>The same inside a caller's write (a turn's commit). The usual turn (same user, same conversation as
    /// last time) only reads.</summary>
    public async Task RememberAsync(HuaXinDbContext db, string channel, string userId, string address, CancellationToken cancellationToken)
    {
        if (personal.FirstOrDefault(p => p.Channel == channel) is { } channelPersonal && channelPersonal.ToPersonal(address) is var oneToOne)
        {
            if (oneToOne is null)
            {
                // Not reachable alone from here (a group without a sender id): keep whatever one-to-one address we had.
                return;
            }
            address = oneToOne;
        }
        var key = Key(channel, userId);
        var stored = await AddressOf.For(db)(db, key, cancellationToken);
        if (stored == address)
        {
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
    }

    public static Task<string?> FindAsync(HuaXinDbContext db, string channel, string userId, CancellationToken cancellationToken) =>
        AddressOf.For(db)(db, Key(channel, userId), cancellationToken);

    private static string Key(string channel, string userId) => StorageKey.Fit($"{channel}:{userId}");
}
