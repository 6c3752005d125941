using HuaXin.Bot.Data;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Families.Records;

/// <summary>Records 走访 and 慰问 for a family from the console: checked as a whole, saved only when nothing is wrong.</summary>
public sealed class ServiceRecords(IDbContextFactory<HuaXinDbContext> dbFactory, FamilyAccess access, TimeProvider time, ILogger<ServiceRecords> logger)
{
    public Task<RecordOutcome> AddVisitAsync(string staffId, VisitInput input, StaffMember staff, CancellationToken ct) =>
        AddAsync(staffId, staff, (problems, family, by) => input.Read(problems, family.Id, by), v => $"已记录{v.Mode}（{TicketCards.Local(v.VisitedAt)}）。", ct);

    public Task<RecordOutcome> AddCondolenceAsync(string staffId, CondolenceInput input, StaffMember staff, CancellationToken ct) =>
        AddAsync(staffId, staff, (problems, family, by) => input.Read(problems, family.Id, by), c => $"已记录{c.Occasion}慰问（{TicketCards.Local(c.At)}）。", ct);

    private async Task<RecordOutcome> AddAsync<T>(string staffId, StaffMember staff, Func<InputProblems, Worker, Recorder, T?> read, Func<T, string> saved, CancellationToken ct)
        where T : class
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var family = await access.FindReadableAsync(db, staff, staffId, ct);
        if (family is null)
        {
            return RecordOutcome.Fail(RecordOutcome.NoFamily);
        }
        var problems = new InputProblems();
        var record = read(problems, family, Recorder.Of(staff, time.GetUtcNow()));
        if (record is null)
        {
            return RecordOutcome.Fail(problems.Message);
        }
        db.Add(record);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{Record} recorded for worker {WorkerId} by {Department}", typeof(T).Name, family.Id, staff.Department);
        return new RecordOutcome(true, saved(record));
    }
}
