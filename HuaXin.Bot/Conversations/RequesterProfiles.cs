using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Conversations;

/// <summary>What the roster holds for a requester's family: the linked member's phone (else the worker's) and the
/// family's home address, so intake does not ask a bound family again.</summary>
public sealed class RequesterProfiles(IDbContextFactory<HuaXinDbContext> dbFactory) : IRequesterProfiles
{
    public async Task<RequesterProfile?> FindAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await FamilyIdentities.FamilyOfAsync(db, channel, userId, cancellationToken) is not { } workerId) return null;
        var worker = await db.Set<Worker>().AsNoTracking().Include(w => w.FamilyMembers).SingleAsync(w => w.Id == workerId, cancellationToken);
        var memberId = await db.Set<FamilyLink>().Where(l => l.Channel == channel && l.UserId == userId).Select(l => l.FamilyMemberId).FirstOrDefaultAsync(cancellationToken);
        var member = worker.FamilyMembers.FirstOrDefault(m => m.Id == memberId);
        var phone = new[] { member?.Phone, worker.Phone }.Select(p => p is null ? null : PhoneExtractor.Mobile(p)).FirstOrDefault(p => p is not null);
        var address = member?.Address ?? worker.FamilyMembers.Select(m => m.Address).FirstOrDefault(a => !string.IsNullOrWhiteSpace(a));
        return phone is null && address is null ? null : new RequesterProfile(phone, address);
    }
}
