using HuaXin.Bot.Data;
using HuaXin.Bot.People;
using HuaXin.Bot.Security;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Families;

/// <summary>Issues binding codes to roster workers and links a family member's chat identity to the worker's family
/// with one. Codes are short-lived and single-use; wrong tries are limited per identity, across all instances.</summary>
public sealed class FamilyBinding(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    FailedAttempts attempts,
    IOptions<FamilyOptions> options,
    TimeProvider time,
    ILogger<FamilyBinding> logger)
{
    private const string AttemptScope = "family-binding";
    private static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    public async Task<string> IssueAsync(string channel, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var worker = await FamilyIdentities.FindWorkerAsync(db, channel, userId, ct);
        if (worker is null)
        {
            return "没有在职工名册中找到您，暂时无法生成家属绑定码。请先到所在单位的车间工会登记（工号、钉钉或 Teams 账号），登记后再发送「绑定码」。";
        }
        var now = time.GetUtcNow();
        var code = new BindingCode { Code = BindingCodes.New(), WorkerId = worker.Id, CreatedAt = now, ExpiresAt = now.AddMinutes(options.Value.BindingCodeMinutes) };
        db.Set<BindingCode>().Add(code);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Binding code issued for worker {WorkerId}", worker.Id);
        return $"您的家属绑定码：{code.Code}\n" +
               $"有效期 {options.Value.BindingCodeMinutes} 分钟（{ServiceTime.ToLocal(code.ExpiresAt):HH:mm} 前），只能使用一次。\n" +
               $"请把它告诉家人：打开华新亲情服务网页，在对话框里输入「绑定 {code.Code}」，就能关联到您的家庭，一起查看和办理您家的诉求。\n" +
               "绑定码只告诉自己的家人，不要转给他人。";
    }

    public async Task<string> RedeemAsync(string channel, string userId, string typedCode, CancellationToken ct)
    {
        var identity = $"{channel}:{userId}";
        var now = time.GetUtcNow();
        if (await attempts.CountAsync(AttemptScope, identity, FailureWindow, ct) >= options.Value.MaxFailedBindingsPerHour)
        {
            logger.LogWarning("Binding refused for {Identity}: too many wrong codes", identity);
            return "绑定码输错次数太多，请一小时后再试；也可以请职工重新发送「绑定码」获取新的。";
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Set<FamilyLink>().FirstOrDefaultAsync(l => l.Channel == channel && l.UserId == userId, ct);
        if (existing is not null)
        {
            return "您已经绑定了一个职工家庭。如需更换，请联系该职工所在单位的车间工会。";
        }
        var code = BindingCodes.Normalize(typedCode);
        var found = await db.Set<BindingCode>().AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
        var refusal = found switch
        {
            null => "绑定码不正确，请核对后重新输入（8 位字母和数字，不含 0、O、1、I、L）。",
            { UsedAt: not null } => "这个绑定码已经用过了，每个绑定码只能用一次。请让职工重新发送「绑定码」获取新的。",
            _ when found.ExpiresAt <= now => "这个绑定码已过期。请让职工重新发送「绑定码」获取新的（有效期 30 分钟）。",
            _ => null,
        };
        if (refusal is null)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Conditional update: of two people racing with one code, exactly one gets it.
            var claimed = await db.Set<BindingCode>()
                .Where(c => c.Code == code && c.UsedAt == null && c.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct);
            if (claimed == 1)
            {
                db.Set<FamilyLink>().Add(new FamilyLink { Channel = channel, UserId = userId, WorkerId = found!.WorkerId, LinkedAt = now });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                var worker = await db.Set<Worker>().AsNoTracking().SingleAsync(w => w.Id == found.WorkerId, ct);
                logger.LogInformation("Family link made: {Identity} → worker {WorkerId}", identity, worker.Id);
                return $"绑定成功！您已关联到职工{worker.Name}（{worker.Unit}）的家庭。\n" +
                       "以后发送「我的诉求」可以查看全家提交的诉求，也可以补充、撤回或评价这些诉求。";
            }
            refusal = "这个绑定码已经用过了，每个绑定码只能用一次。请让职工重新发送「绑定码」获取新的。";
        }
        await attempts.RecordAsync(AttemptScope, identity, ct);
        logger.LogInformation("Binding code refused for {Identity}", identity);
        return refusal;
    }
}
