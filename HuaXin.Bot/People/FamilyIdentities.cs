using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.People;

/// <summary>Which family (worker) a chat identity belongs to: the worker from the roster (by a
/// <see cref="WorkerChannelIdentity"/>, or on DingTalk by 工号) or a member linked with a binding code. The family is the
/// unit requesters see and act on.</summary>
public static class FamilyIdentities
{
    /// <summary>The chat identities a roster worker has without any binding code: on DingTalk the 工号, and the worker's
    /// <see cref="Worker.ChannelIdentities"/> (load them with the worker). The one place that says how the roster maps to
    /// channels (<see cref="FindWorkerAsync"/> mirrors it in SQL).</summary>
    public static IEnumerable<(string Channel, string UserId)> RosterIdentities(Worker worker)
    {
        yield return (ChannelNames.DingTalk, worker.StaffId);
        foreach (var identity in worker.ChannelIdentities)
        {
            yield return (identity.Channel, identity.ExternalId);
        }
    }

    /// <summary>The roster worker who is this chat identity, if any.</summary>
    public static async Task<Worker?> FindWorkerAsync(HuaXinDbContext db, string channel, string userId, CancellationToken ct)
    {
        var workers = db.Set<Worker>().AsNoTracking();
        var owner = db.Set<WorkerChannelIdentity>().Where(i => i.Channel == channel && i.ExternalId == userId).Select(i => i.WorkerId);
        // A DingTalk id set explicitly wins over a 工号 that happens to look the same.
        return await workers.FirstOrDefaultAsync(w => owner.Contains(w.Id), ct)
            ?? (channel == ChannelNames.DingTalk ? await workers.FirstOrDefaultAsync(w => w.StaffId == userId, ct) : null);
    }

    /// <summary>The id of the worker whose family this identity belongs to, or null. A phone linked to another one with a
    /// ticket number (<see cref="DeviceLink"/>) belongs where that one does.</summary>
    public static async Task<long?> FamilyOfAsync(HuaXinDbContext db, string channel, string userId, CancellationToken ct)
    {
        if (await FindWorkerAsync(db, channel, userId, ct) is { } worker)
        {
            return worker.Id;
        }
        var person = await PersonAsync(db, channel, userId, ct);
        return await db.Set<FamilyLink>().Where(l => l.Channel == channel && person.Contains(l.UserId))
            .Select(l => (long?)l.WorkerId).FirstOrDefaultAsync(ct);
    }

    /// <summary>Every identity whose requests this one sees, as "channel:userId": its own, its other linked phones', and
    /// its family's. Requester-side lists and checks ("我的诉求", 补充/撤回/评价, a typed ticket number) go through this.</summary>
    public static async Task<List<string>> VisibleKeysAsync(HuaXinDbContext db, string channel, string userId, CancellationToken ct)
    {
        var keys = (await PersonAsync(db, channel, userId, ct)).Select(u => $"{channel}:{u}").ToList();
        if (await FamilyOfAsync(db, channel, userId, ct) is { } family)
        {
            keys.AddRange(await KeysAsync(db, family, ct));
        }
        return keys.Distinct().ToList();
    }

    /// <summary>Whether <paramref name="channel"/>/<paramref name="userId"/> sees the requests of the other identity.</summary>
    public static async Task<bool> SameFamilyAsync(HuaXinDbContext db, string channel, string userId, string otherChannel, string otherUserId, CancellationToken ct) =>
        (await VisibleKeysAsync(db, channel, userId, ct)).Contains($"{otherChannel}:{otherUserId}");

    /// <summary>The user ids of one person on one channel: the identity that first filed, and the phones linked to it.</summary>
    private static async Task<List<string>> PersonAsync(HuaXinDbContext db, string channel, string userId, CancellationToken ct)
    {
        var links = db.Set<DeviceLink>().AsNoTracking();
        var owner = await links.Where(l => l.Channel == channel && l.UserId == userId).Select(l => l.OwnerUserId).FirstOrDefaultAsync(ct) ?? userId;
        var person = await links.Where(l => l.Channel == channel && l.OwnerUserId == owner).Select(l => l.UserId).ToListAsync(ct);
        person.Add(owner);
        if (!person.Contains(userId))
        {
            person.Add(userId);
        }
        return person;
    }

    /// <summary>Every chat identity of a family as "channel:userId": the worker's and the linked members'.</summary>
    public static async Task<List<string>> KeysAsync(HuaXinDbContext db, long workerId, CancellationToken ct)
    {
        var worker = await db.Set<Worker>().AsNoTracking().Include(w => w.ChannelIdentities).SingleAsync(w => w.Id == workerId, ct);
        var keys = RosterIdentities(worker).Select(i => $"{i.Channel}:{i.UserId}").ToList();
        keys.AddRange(await db.Set<FamilyLink>().Where(l => l.WorkerId == workerId).Select(l => l.Channel + ":" + l.UserId).ToListAsync(ct));
        return keys;
    }
}
