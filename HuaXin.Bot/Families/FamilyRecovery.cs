using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Data;
using HuaXin.Bot.People;
using HuaXin.Bot.Security;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Families;

/// <summary>Access back on a new phone: a ticket number and the last four digits of the phone number left on it link this
/// identity to the one that filed the ticket — to its family when it has one, otherwise to that person's other phones.
/// Wrong tries count like binding codes, per identity and per ticket, across all instances.</summary>
public sealed class FamilyRecovery(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    FailedAttempts attempts,
    IOptions<FamilyOptions> options,
    TimeProvider time,
    ILogger<FamilyRecovery> logger)
{
    private const string IdentityScope = "family-binding";
    private const string TicketScope = "family-recovery";
    private const string Wrong = "受理编号或手机号后四位不对，请核对后再发，例如“HX-20260101-0001 1234”（手机号是提交诉求时留的那个）。也可以请家里职工发「绑定码」给您。";

    /// <summary>Whether <paramref name="number"/> is a ticket this identity cannot see yet (so digits after it mean recovery).</summary>
    public async Task<bool> IsForeignAsync(string channel, string userId, string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requester = await db.ServiceRequests.AsNoTracking().Where(r => r.Number == number).Select(r => new { r.Channel, r.UserId }).FirstOrDefaultAsync(ct);
        return requester is null || !await FamilyIdentities.SameFamilyAsync(db, channel, userId, requester.Channel, requester.UserId, ct);
    }

    public async Task<string> RecoverAsync(string channel, string userId, string number, string lastFour, CancellationToken ct)
    {
        var identity = $"{channel}:{userId}";
        if (await attempts.CountAsync(IdentityScope, identity, TimeSpan.FromHours(1), ct) >= options.Value.MaxFailedBindingsPerHour)
        {
            logger.LogWarning("Recovery refused for {Identity}: too many wrong tries", identity);
            return "输错次数太多，请一小时后再试；也可以请家里职工发「绑定码」给您。";
        }
        if (await attempts.CountAsync(TicketScope, number, TimeSpan.FromDays(1), ct) >= options.Value.MaxFailedRecoveriesPerTicketPerDay)
        {
            logger.LogWarning("Recovery refused for {Number}: too many wrong tries today", number);
            return "这个受理编号今天验证失败的次数太多，请明天再试；也可以请家里职工发「绑定码」给您。";
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Number == number, ct);
        if (ticket is null || !SameLastFour(TicketSlots.Phone(ticket), lastFour))
        {
            // One answer for an unknown number and wrong digits: a guesser learns nothing about which tickets exist.
            await attempts.RecordAsync(IdentityScope, identity, ct);
            await attempts.RecordAsync(TicketScope, number, ct);
            logger.LogInformation("Recovery refused for {Identity}", identity);
            return Wrong;
        }
        var family = await FamilyIdentities.FamilyOfAsync(db, ticket.Channel, ticket.UserId, ct);
        var mine = await FamilyIdentities.FamilyOfAsync(db, channel, userId, ct);
        if (mine is not null && mine != family)
        {
            return "您这里已经关联了另一个职工家庭，不能再找回这个诉求。如需更换，请联系所在单位的车间工会。";
        }
        var now = time.GetUtcNow();
        if (family is not null)
        {
            if (mine is null)
            {
                db.Set<FamilyLink>().Add(new FamilyLink { Channel = channel, UserId = userId, WorkerId = family.Value, LinkedAt = now });
            }
        }
        else if (ticket.Channel == channel)
        {
            var owner = await db.Set<DeviceLink>().Where(l => l.Channel == channel && l.UserId == ticket.UserId).Select(l => l.OwnerUserId).FirstOrDefaultAsync(ct) ?? ticket.UserId;
            var link = await db.Set<DeviceLink>().FirstOrDefaultAsync(l => l.Channel == channel && l.UserId == userId, ct);
            if (link is null)
            {
                db.Set<DeviceLink>().Add(new DeviceLink { Channel = channel, UserId = userId, OwnerUserId = owner, LinkedAt = now });
            }
            else
            {
                // A phone answers for one person; the latest proof wins.
                link.OwnerUserId = owner;
                link.LinkedAt = now;
            }
        }
        else
        {
            return "这个诉求是在钉钉或 Teams 里提交的，请让家里职工发「绑定码」给您，在这里输入「绑定 绑定码」。";
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same identity recovering twice at once: the other request made the link.
        }
        logger.LogInformation("Access recovered: {Identity} through {Number}", identity, number);
        return family is not null
            ? "已找回！您已关联到这个职工家庭，发送「我的诉求」可以查看全家的诉求，也可以补充、撤回或评价。"
            : "已找回！以前在另一部手机上提交的诉求都能看到了，发送「我的诉求」查看，也可以补充、撤回或评价。";
    }

    private static bool SameLastFour(string? phone, string lastFour)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(digits[^4..]), Encoding.ASCII.GetBytes(lastFour));
    }
}
