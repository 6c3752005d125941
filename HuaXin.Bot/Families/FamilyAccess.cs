using HuaXin.Bot.Data;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Families;

/// <summary>Who may read a family's archive and record services for it: admins and the archive-keeping departments
/// (<see cref="FamilyOptions.ArchiveDepartments"/>) every family; the family's 联络员 theirs; any other department the
/// families it has served (a ticket it led or co-handled, a record it made, an aid case it is on).</summary>
public sealed class FamilyAccess(IOptionsMonitor<FamilyOptions> options, IDbContextFactory<HuaXinDbContext> dbFactory)
{
    public static readonly IReadOnlyList<string> DefaultArchiveDepartments = [AidTerms.Lead, AidTerms.FirstCheck];

    public IReadOnlyList<string> ArchiveDepartments => options.CurrentValue.ArchiveDepartments is { Count: > 0 } configured ? configured : DefaultArchiveDepartments;

    public bool KeepsArchives(StaffMember staff) => staff.Role == StaffRole.Admin || ArchiveDepartments.Contains(staff.Department);

    /// <param name="servedBy">Every department that has served the family.</param>
    /// <param name="isLiaison">Whether the staff member is the family's 联络员.</param>
    public bool MayRead(StaffMember staff, IEnumerable<string> servedBy, bool isLiaison) =>
        KeepsArchives(staff) || isLiaison || servedBy.Contains(staff.Department);

    public async Task<bool> MayReadAsync(HuaXinDbContext db, StaffMember staff, Worker family, CancellationToken ct) =>
        KeepsArchives(staff)
        || await IsLiaisonAsync(db, staff, family, ct)
        || (await ServedByAsync(db, family.Id, ct)).Contains(staff.Department);

    /// <summary>The family (by the worker's 工号) when it exists and the staff member may read it; one answer (null) for
    /// both, so pages do not reveal which families exist.</summary>
    public async Task<Worker?> FindReadableAsync(HuaXinDbContext db, StaffMember staff, string? staffId, CancellationToken ct)
    {
        var family = string.IsNullOrWhiteSpace(staffId) ? null : await db.Set<Worker>().SingleOrDefaultAsync(w => w.StaffId == staffId.Trim(), ct);
        return family is not null && await MayReadAsync(db, staff, family, ct) ? family : null;
    }

    /// <summary>Whether the family (by the worker's 工号) exists and the staff member may read and record for it.</summary>
    public async Task<bool> MayReadAsync(StaffMember staff, string? staffId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindReadableAsync(db, staff, staffId, ct) is not null;
    }

    /// <summary>The staff member's own 工号 when their sign-in (DingTalk, Teams) names a roster worker; else null.</summary>
    public async Task<string?> RosterStaffIdAsync(StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await FamilyIdentities.FindWorkerAsync(db, staff.Channel, staff.UserId, ct))?.StaffId;
    }

    /// <summary>Whether the staff member is, in the roster, the family's 联络员 (a DingTalk or Teams sign-in names a roster worker).</summary>
    public static async Task<bool> IsLiaisonAsync(HuaXinDbContext db, StaffMember staff, Worker family, CancellationToken ct) =>
        family.LiaisonId is { } liaison && (await FamilyIdentities.FindWorkerAsync(db, staff.Channel, staff.UserId, ct))?.Id == liaison;

    /// <summary>Every department that has served the family: tickets (lead and co-handling), visits, 慰问, aid cases and volunteer services.</summary>
    public static async Task<HashSet<string>> ServedByAsync(HuaXinDbContext db, long workerId, CancellationToken ct)
    {
        var keys = await FamilyIdentities.KeysAsync(db, workerId, ct);
        var tickets = db.ServiceRequests.Where(r => keys.Contains(r.Channel + ":" + r.UserId));
        var served = new HashSet<string>();
        served.UnionWith(await tickets.Select(r => r.Department).ToListAsync(ct));
        served.UnionWith(await tickets.SelectMany(r => r.CoHandlers).Select(h => h.Department).ToListAsync(ct));
        served.UnionWith(await db.Set<ServiceVisit>().Where(v => v.WorkerId == workerId).Select(v => v.Department).ToListAsync(ct));
        served.UnionWith(await db.Set<Condolence>().Where(c => c.WorkerId == workerId).Select(c => c.Department).ToListAsync(ct));
        served.UnionWith(await db.Set<AidCase>().Where(a => a.WorkerId == workerId).Select(a => a.Department).ToListAsync(ct));
        served.UnionWith(await db.Set<AidCase>().Where(a => a.WorkerId == workerId).SelectMany(a => a.CoHandlers).Select(h => h.Department).ToListAsync(ct));
        served.UnionWith(await db.Set<VolunteerAssignment>().Where(a => a.WorkerId == workerId).Select(a => a.Department).ToListAsync(ct));
        return served;
    }
}
