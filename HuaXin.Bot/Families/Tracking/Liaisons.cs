using HuaXin.Bot.Data;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Families.Tracking;

/// <summary>Each family's 联络员 (结对联系人, from the roster) and 重点服务家庭 mark, and what a 联络员 sees of their families.</summary>
public sealed class Liaisons(IDbContextFactory<HuaXinDbContext> dbFactory, FamilyAccess access, IOptionsMonitor<VisitRuleOptions> rules, TimeProvider time, ILogger<Liaisons> logger)
{
    /// <summary>三心服务实施办法 第八条: a 联络员 looks after 8 families as a rule.</summary>
    public const int UsualFamilies = 8;

    /// <summary>Sets the family's 联络员 by 工号 (empty to clear) and its 重点服务家庭 mark; the archive-keeping departments only.</summary>
    public async Task<RecordOutcome> SetAsync(string staffId, string? liaisonStaffId, bool priority, StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var family = await access.FindReadableAsync(db, staff, staffId, ct);
        if (family is null)
        {
            return RecordOutcome.Fail(RecordOutcome.NoFamily);
        }
        if (!access.KeepsArchives(staff))
        {
            return RecordOutcome.Fail($"联络员由{string.Join("、", access.ArchiveDepartments)}确定，您（{staff.Department}）不能更改。");
        }
        Worker? liaison = null;
        if (!string.IsNullOrWhiteSpace(liaisonStaffId))
        {
            liaison = await db.Set<Worker>().SingleOrDefaultAsync(w => w.StaffId == liaisonStaffId.Trim(), ct);
            if (liaison is null || liaison.Id == family.Id)
            {
                return RecordOutcome.Fail(liaison is null ? $"未保存：职工名册中没有工号 {liaisonStaffId.Trim()}。" : "未保存：联络员不能是本户职工自己。");
            }
        }
        family.LiaisonId = liaison?.Id;
        family.Priority = priority;
        await db.SaveChangesAsync(ct);
        var count = liaison is null ? 0 : await db.Set<Worker>().CountAsync(w => w.LiaisonId == liaison.Id, ct);
        logger.LogInformation("Liaison of worker {WorkerId} set by {Department}", family.Id, staff.Department);
        return new RecordOutcome(true, liaison is null
            ? "已保存（未指定联络员）。"
            : $"已指定{liaison.Name}为联络员{(count > UsualFamilies ? $"（他已联系 {count} 户，超过一般不超过 {UsualFamilies} 户的要求）" : "")}。");
    }

    /// <summary>The families whose 联络员 this chat identity is, with when each next home visit falls due, soonest first.</summary>
    public async Task<string> DescribeForAsync(string channel, string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var me = await FamilyIdentities.FindWorkerAsync(db, channel, userId, ct);
        if (me is null)
        {
            return "没有在职工名册中找到您，所以查不到您联系的家庭。";
        }
        var families = await db.Set<Worker>().AsNoTracking().Where(w => w.LiaisonId == me.Id).OrderBy(w => w.StaffId).ToListAsync(ct);
        if (families.Count == 0)
        {
            return "您目前没有结对联系的家庭。";
        }
        var now = time.GetUtcNow();
        var settings = rules.CurrentValue;
        var dues = await DuesAsync(db, families, now, settings, ct);
        var lines = families.Select(f => (Family: f, Due: dues[f.Id])).OrderBy(x => x.Due.Due)
            .Select(x => $"{x.Family.Name}家庭（{x.Family.Unit}）{(x.Due.Priority ? "【重点】" : "")}：上次上门 {(x.Due.LastHomeVisit is { } at ? TicketCards.Local(at)[..10] : "无记录")}，" +
                $"应在 {TicketCards.Local(x.Due.Due)[..10]} 前走访{(x.Due.StateAt(now, settings) == VisitState.Overdue ? "（已逾期）" : "")}");
        return $"您结对联系的家庭（{families.Count} 户）：\n" + string.Join("\n", lines) + $"\n依据：{settings.Rule}。";
    }

    /// <summary>Each family's next home visit, from its last 上门走访 and whether it is a 重点服务家庭.</summary>
    public static async Task<Dictionary<long, VisitDue>> DuesAsync(HuaXinDbContext db, IReadOnlyList<Worker> families, DateTimeOffset now, VisitRuleOptions rules, CancellationToken ct)
    {
        var ids = families.Select(f => f.Id).ToList();
        // Grouped here rather than in SQL: SQLite cannot take MAX of the binary DateTimeOffset column.
        var lastVisits = (await db.Set<ServiceVisit>().Where(v => ids.Contains(v.WorkerId) && v.Mode == VisitModes.Home)
            .Select(v => new { v.WorkerId, v.VisitedAt }).ToListAsync(ct))
            .GroupBy(v => v.WorkerId).ToDictionary(g => g.Key, g => g.Max(v => v.VisitedAt));
        var cases = (await db.Set<AidCase>().AsNoTracking().Where(a => ids.Contains(a.WorkerId)).ToListAsync(ct)).ToLookup(a => a.WorkerId);
        return families.ToDictionary(f => f.Id, f => VisitSchedule.Due(f, lastVisits.TryGetValue(f.Id, out var last) ? last : null,
            VisitSchedule.IsPriority(f, cases[f.Id], now), rules));
    }
}
