using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.People;

/// <summary>Who a chat identity is in the roster: the worker (本人) or the family member a binding made them.</summary>
public static class Requesters
{
    public const string Self = "本人";

    /// <summary>The requester's name and relation to the worker as the roster knows them; nulls when it does not.</summary>
    public static async Task<(string? Name, string? Relation)> DescribeAsync(HuaXinDbContext db, string channel, string userId, CancellationToken ct)
    {
        if (await FamilyIdentities.FindWorkerAsync(db, channel, userId, ct) is { } worker)
        {
            return (worker.Name, Self);
        }
        var memberId = await db.Set<FamilyLink>().AsNoTracking().Where(l => l.Channel == channel && l.UserId == userId)
            .Select(l => l.FamilyMemberId).FirstOrDefaultAsync(ct);
        var member = memberId is null ? null : await db.Set<FamilyMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        return member is null ? (null, null) : (member.Name, member.Relation);
    }
}
