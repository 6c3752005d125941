using HuaXin.Bot.Data;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Families.Records;

/// <summary>The “星火365” volunteer roster, volunteers sent to families (for a ticket, a visit or on their own) and the
/// hours they served.</summary>
public sealed class Volunteers(IDbContextFactory<HuaXinDbContext> dbFactory, FamilyAccess access, TimeProvider time, ILogger<Volunteers> logger)
{
    public async Task<IReadOnlyList<Volunteer>> RosterAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Volunteer>().AsNoTracking().OrderByDescending(v => v.Active).ThenBy(v => v.Team).ThenBy(v => v.Name).ToListAsync(ct);
    }

    public async Task<RecordOutcome> AddAsync(VolunteerInput input, CancellationToken ct)
    {
        var problems = new InputProblems();
        var volunteer = input.Read(problems, time.GetUtcNow());
        if (volunteer is null)
        {
            return RecordOutcome.Fail(problems.Message);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Add(volunteer);
        await db.SaveChangesAsync(ct);
        return new RecordOutcome(true, $"已把{volunteer.Name}加入志愿者名册。", volunteer.Id.ToString());
    }

    public async Task<RecordOutcome> SetActiveAsync(long id, bool active, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Set<Volunteer>().Where(v => v.Id == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Active, active), ct);
        return changed == 0 ? RecordOutcome.Fail("没有这位志愿者。") : new RecordOutcome(true, active ? "已恢复为在册志愿者。" : "已停用（保留已有服务时长）。");
    }

    /// <summary>Sends an active volunteer to a family the staff member may read; the ticket and visit, when given, must be that family's.</summary>
    public async Task<RecordOutcome> AssignAsync(string staffId, AssignmentInput input, StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var family = await access.FindReadableAsync(db, staff, staffId, ct);
        if (family is null)
        {
            return RecordOutcome.Fail(RecordOutcome.NoFamily);
        }
        var problems = new InputProblems();
        var volunteer = long.TryParse(input.VolunteerId, out var volunteerId)
            ? await db.Set<Volunteer>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == volunteerId, ct)
            : null;
        if (volunteer is not { Active: true })
        {
            problems.Add("志愿者", volunteer is null ? "请从名册中选择一位志愿者" : $"{volunteer.Name}已停用");
        }
        var kind = problems.OneOf("服务类型", input.Kind, VolunteerAssignment.Kinds);
        var note = problems.Optional("说明", input.Note, 500);
        var ticket = problems.Optional("关联工单", input.TicketNumber, 32)?.ToUpperInvariant();
        if (ticket is not null)
        {
            var keys = await FamilyIdentities.KeysAsync(db, family.Id, ct);
            if (!await db.ServiceRequests.AnyAsync(r => r.Number == ticket && keys.Contains(r.Channel + ":" + r.UserId), ct))
            {
                problems.Add("关联工单", $"{ticket} 不是这户家庭的工单");
            }
        }
        long? visitId = null;
        if (!string.IsNullOrWhiteSpace(input.VisitId))
        {
            visitId = long.TryParse(input.VisitId, out var v) && await db.Set<ServiceVisit>().AnyAsync(x => x.Id == v && x.WorkerId == family.Id, ct) ? v : null;
            if (visitId is null) problems.Add("关联走访", "不是这户家庭的走访记录");
        }
        if (problems.Any)
        {
            return RecordOutcome.Fail(problems.Message);
        }
        var by = Recorder.Of(staff, time.GetUtcNow());
        db.Add(new VolunteerAssignment
        {
            VolunteerId = volunteer!.Id, WorkerId = family.Id, TicketNumber = ticket, VisitId = visitId, Kind = kind!, Note = note,
            AssignedAt = by.At, AssignedBy = by.Actor, AssignedByName = by.Name, Department = by.Department,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Volunteer {VolunteerId} assigned to worker {WorkerId}", volunteer.Id, family.Id);
        return new RecordOutcome(true, $"已派志愿者{volunteer.Name}（{kind}）{(ticket is null ? "" : $"，关联工单 {ticket}")}。");
    }

    /// <summary>Records the hours of a service done; the assigning department, 团委 (which runs “星火365”) or an admin.</summary>
    public async Task<RecordOutcome> RecordHoursAsync(long assignmentId, HoursInput input, StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assignment = await db.Set<VolunteerAssignment>().SingleOrDefaultAsync(a => a.Id == assignmentId, ct);
        if (assignment is null || !(staff.MayActOn(assignment.Department) || staff.Department == Organizer))
        {
            return RecordOutcome.Fail("没有找到这次派单，或您无权登记它的时长。");
        }
        var problems = new InputProblems();
        var done = input.Read(problems, time.GetUtcNow());
        if (done is { } d && d.ServedOn < DateOnly.FromDateTime(ServiceTime.ToLocal(assignment.AssignedAt).DateTime))
        {
            problems.Add("服务日期", "不能早于派单日期");
        }
        if (problems.Any)
        {
            return RecordOutcome.Fail(problems.Message);
        }
        (assignment.ServedOn, assignment.Hours) = done!.Value;
        await db.SaveChangesAsync(ct);
        return new RecordOutcome(true, $"已登记服务时长 {assignment.Hours:0.#} 小时。");
    }

    /// <summary>“星火365” is run by 团委 (星火365志愿服务管理办法 第一章).</summary>
    public const string Organizer = "团委";

    /// <summary>Services waiting for their hours, for the departments that may record them.</summary>
    public async Task<IReadOnlyList<(VolunteerAssignment Assignment, Volunteer Volunteer, Worker Family)>> OpenAsync(StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<VolunteerAssignment>().AsNoTracking().Where(a => a.Hours == null);
        if (staff.Role != StaffRole.Admin && staff.Department != Organizer)
        {
            query = query.Where(a => a.Department == staff.Department);
        }
        var rows = await query.OrderBy(a => a.AssignedAt).Take(500)
            .Join(db.Set<Volunteer>(), a => a.VolunteerId, v => v.Id, (a, v) => new { a, v })
            .Join(db.Set<Worker>(), x => x.a.WorkerId, w => w.Id, (x, w) => new { x.a, x.v, w })
            .ToListAsync(ct);
        return rows.Select(r => (r.a, r.v, r.w)).ToList();
    }

    /// <summary>Volunteer services on a ticket, for the ticket page.</summary>
    public async Task<IReadOnlyList<(VolunteerAssignment Assignment, string Volunteer)>> ForTicketAsync(string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<VolunteerAssignment>().AsNoTracking().Where(a => a.TicketNumber == number)
            .Join(db.Set<Volunteer>(), a => a.VolunteerId, v => v.Id, (a, v) => new { a, v.Name }).OrderBy(x => x.a.AssignedAt).ToListAsync(ct);
        return rows.Select(r => (r.a, r.Name)).ToList();
    }
}
