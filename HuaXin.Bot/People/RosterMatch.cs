using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.People;

/// <summary>A roster family an unbound requester probably belongs to, because the phone they gave is on the roster.
/// Only ever proposed to staff, who link it or not.</summary>
public sealed record RosterProposal(long WorkerId, string StaffId, string WorkerName, string Unit, long? MemberId, string Name, string Relation);

public static class RosterMatch
{
    /// <summary>For a requester who belongs to no family: the family whose member (or worker) has this phone; else null.</summary>
    public static async Task<RosterProposal?> FindAsync(HuaXinDbContext db, string channel, string userId, string? phone, CancellationToken ct)
    {
        if (PhoneNumbers.Normalize(phone) is not { } digits || await FamilyIdentities.FamilyOfAsync(db, channel, userId, ct) is not null)
        {
            return null;
        }
        var member = await db.Set<FamilyMember>().AsNoTracking().Where(m => m.Phone == digits).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (member is not null)
        {
            var family = await db.Set<Worker>().AsNoTracking().SingleAsync(w => w.Id == member.WorkerId, ct);
            return new RosterProposal(family.Id, family.StaffId, family.Name, family.Unit, member.Id, member.Name, member.Relation);
        }
        var worker = await db.Set<Worker>().AsNoTracking().Where(w => w.Phone == digits).OrderBy(w => w.Id).FirstOrDefaultAsync(ct);
        return worker is null ? null : new RosterProposal(worker.Id, worker.StaffId, worker.Name, worker.Unit, null, worker.Name, Requesters.Self);
    }

    /// <summary>Links the requester to the proposed family in <paramref name="db"/> (saved with the caller's change).</summary>
    public static void Link(HuaXinDbContext db, string channel, string userId, RosterProposal proposal, DateTimeOffset now) =>
        db.Set<FamilyLink>().Add(new FamilyLink { Channel = channel, UserId = userId, WorkerId = proposal.WorkerId, FamilyMemberId = proposal.MemberId, LinkedAt = now });
}
