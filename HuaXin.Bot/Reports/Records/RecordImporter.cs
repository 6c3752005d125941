using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.Reports.Roster;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Reports.Records;

/// <summary>What a record spreadsheet holds.</summary>
public enum RecordKind
{
    Visits,
    Condolences,
    Volunteers,
    VolunteerHours,
    AidPayments,
}

/// <summary>Imports service records kept offline (走访, 慰问, the volunteer roster, volunteer services with their hours,
/// 救助资金 payments of approved aid cases) like the roster: every row is checked with the console's own checks and
/// rules first, and only a file without problems is written, in one transaction.</summary>
public sealed class RecordImporter(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time, ILogger<RecordImporter> logger)
{
    private static readonly RosterColumn StaffId = new("工号", true, 64, "职工工号");
    private static readonly Dictionary<RecordKind, (string Sheet, RosterColumn[] Columns)> Layouts = new()
    {
        [RecordKind.Visits] = ("走访记录", [StaffId, new("走访时间", true, 30, "走访日期", "时间"), new("方式", false, 100, "走访方式"), new("走访人", true, 100),
            new("见到的家庭成员", false, 1000, "见到的成员"), new("家庭近况", true, 1000, "近况", "情况"), new("需求和处理意见", false, 1000, "处理意见"), new("附件", false, 1000)]),
        [RecordKind.Condolences] = ("慰问记录", [StaffId, new("慰问时间", true, 30, "慰问日期", "时间"), new("事由", true, 1000, "慰问事由"), new("慰问品", false, 100),
            new("慰问金", false, 30, "金额", "慰问金(元)"), new("慰问人", true, 100), new("备注", false, 1000), new("附件", false, 1000)]),
        [RecordKind.Volunteers] = ("志愿者名册", [new("姓名", true, 100, "志愿者"), new("电话", false, 30, "手机", "联系电话"), new("分队", false, 100, "志愿服务分队"), new("服务特长", false, 1000, "特长")]),
        [RecordKind.VolunteerHours] = ("志愿服务", [new("志愿者", true, 100, "志愿者姓名"), new("志愿者电话", false, 30), StaffId, new("服务类型", true, 100, "类型"),
            new("服务日期", true, 30, "日期"), new("时长", true, 30, "服务时长", "时长(小时)"), new("关联工单", false, 100, "工单编号"), new("说明", false, 1000, "备注")]),
        [RecordKind.AidPayments] = ("救助发放", [new("案件编号", true, 100, "编号"), new("发放日期", true, 30, "日期"), new("金额", true, 30, "发放金额", "金额(元)"), new("备注", false, 1000)]),
    };

    public static string SheetName(RecordKind kind) => Layouts[kind].Sheet;

    public static IReadOnlyList<string> ColumnNames(RecordKind kind) => Layouts[kind].Columns.Select(c => c.Required ? c.Name + "*" : c.Name).ToList();

    public async Task<RecordImportResult> ImportAsync(RecordKind kind, RosterTable table, StaffMember staff, CancellationToken ct = default)
    {
        var (sheet, columns) = Layouts[kind];
        var problems = new List<RosterProblem>();
        var missing = columns.Where(c => c.Required && !c.IsIn(table.Headers)).ToList();
        if (missing.Count > 0)
        {
            return new RecordImportResult(missing.Select(c => new RosterProblem(sheet, 1, c.Name, "缺少此列")).ToList(), 0);
        }
        if (table.Rows.Count == 0)
        {
            return new RecordImportResult([new RosterProblem(sheet, 2, "", "表中没有数据行")], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (kind == RecordKind.AidPayments)
        {
            return await ImportPaymentsAsync(db, table, columns, staff, ct);
        }
        var families = await db.Set<Worker>().AsNoTracking().ToDictionaryAsync(w => w.StaffId, w => w.Id, ct);
        var volunteers = await db.Set<Volunteer>().AsNoTracking().ToListAsync(ct);
        var by = Recorder.Of(staff, time.GetUtcNow());
        var records = new List<object>();
        foreach (var row in table.Rows)
        {
            var check = new InputProblems();
            var record = Read(kind, row, columns, check, families, volunteers, by);
            problems.AddRange(check.All.Select(p => new RosterProblem(sheet, row.Number, p.Field, p.Reason)));
            if (record is not null)
            {
                records.Add(record);
            }
        }
        if (problems.Count > 0)
        {
            return new RecordImportResult(problems, 0);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AddRange(records);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        logger.LogInformation("{Count} {Kind} imported by {Department}", records.Count, kind, staff.Department);
        return new RecordImportResult([], records.Count);
    }

    /// <summary>Payments go through the aid case's own rule (the lead department pays an approved case) and may not
    /// exceed the approved amount, counting the rows above them in the file.</summary>
    private async Task<RecordImportResult> ImportPaymentsAsync(HuaXinDbContext db, RosterTable table, RosterColumn[] columns, StaffMember staff, CancellationToken ct)
    {
        var (sheet, _) = Layouts[RecordKind.AidPayments];
        var numbers = table.Rows.Select(r => r.Get(columns[0])?.ToUpperInvariant()).OfType<string>().Distinct().ToList();
        var cases = await db.Set<AidCase>().Include(a => a.Payments).Include(a => a.CoHandlers).AsSplitQuery()
            .Where(a => numbers.Contains(a.Number)).ToDictionaryAsync(a => a.Number, ct);
        var by = Recorder.Of(staff, time.GetUtcNow());
        var problems = new List<RosterProblem>();
        var added = new List<(AidCase Case, AidPayment Payment)>();
        foreach (var row in table.Rows)
        {
            var check = new InputProblems();
            var number = check.Required("案件编号", row.Get(columns[0]), 32)?.ToUpperInvariant();
            var aid = number is null ? null : cases.GetValueOrDefault(number);
            if (number is not null && aid is null)
            {
                check.Add("案件编号", $"没有帮扶救助案件 {number}");
            }
            else if (aid is not null && AidRules.Pay(aid, staff) is { } refused)
            {
                check.Add("案件编号", refused);
            }
            var day = check.Day("发放日期", row.Get(columns[1]), by.At);
            var amount = check.Amount("金额", row.Get(columns[2]), AidCases.MaxAmount, required: true);
            var note = check.Optional("备注", row.Get(columns[3]), 500);
            if (aid?.ApprovedAmount is { } approved && amount is { } sum)
            {
                var paid = aid.Payments.Sum(p => p.Amount) + added.Where(a => a.Case == aid).Sum(a => a.Payment.Amount);
                if (paid + sum > approved)
                {
                    check.Add("金额", $"超过批准金额：已批准{approved:0.##}元，已发放{paid:0.##}元");
                }
            }
            problems.AddRange(check.All.Select(p => new RosterProblem(sheet, row.Number, p.Field, p.Reason)));
            if (!check.Any)
            {
                added.Add((aid!, new AidPayment { Amount = amount!.Value, PaidOn = day!.Value, Note = note, RecordedBy = by.Actor, RecordedByName = by.Name, RecordedAt = by.At }));
            }
        }
        if (problems.Count > 0)
        {
            return new RecordImportResult(problems, 0);
        }
        foreach (var (aid, payment) in added)
        {
            aid.Payments.Add(payment);
            aid.Steps.Add(new AidStep
            {
                Action = "发放", FromStatus = aid.Status, ToStatus = aid.Status, Actor = by.Actor, ActorName = by.Name, ActorDepartment = by.Department,
                Note = $"{payment.PaidOn:yyyy-MM-dd} 发放{payment.Amount:0.##}元（表格导入）{(payment.Note is null ? "" : "：" + payment.Note)}", At = by.At,
            });
            aid.Version++;
            aid.UpdatedAt = by.At;
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{Count} aid payments imported by {Department}", added.Count, staff.Department);
        return new RecordImportResult([], added.Count);
    }

    private static object? Read(RecordKind kind, RosterRow row, RosterColumn[] columns, InputProblems check, Dictionary<string, long> families,
        List<Volunteer> volunteers, Recorder by)
    {
        string? Cell(int i) => row.Get(columns[i]);
        long? Family(int i)
        {
            var staffId = Cell(i);
            if (staffId is null) { check.Add(StaffId.Name, "必填"); return null; }
            if (families.TryGetValue(staffId, out var id)) return id;
            check.Add(StaffId.Name, $"{staffId} 不在职工名册中");
            return null;
        }
        switch (kind)
        {
            case RecordKind.Visits:
            {
                var family = Family(0);
                var visit = new VisitInput(Cell(1), Cell(2), Cell(3), Cell(4), Cell(5), Cell(6), Cell(7)).Read(check, family ?? 0, by);
                return family is null ? null : visit;
            }
            case RecordKind.Condolences:
            {
                var family = Family(0);
                var condolence = new CondolenceInput(Cell(1), Cell(2), Cell(3), Cell(4), Cell(5), Cell(6), Cell(7)).Read(check, family ?? 0, by);
                return family is null ? null : condolence;
            }
            case RecordKind.Volunteers:
                return new VolunteerInput(Cell(0), Cell(1), Cell(2), Cell(3)).Read(check, by.At);
            default:
            {
                var name = check.Required("志愿者", Cell(0), 50);
                var phone = check.Phone("志愿者电话", Cell(1));
                var matches = volunteers.Where(v => v.Name == name && (phone is null || v.Phone == phone)).ToList();
                if (name is not null && matches.Count != 1)
                {
                    check.Add("志愿者", matches.Count == 0 ? $"名册中没有志愿者“{name}”{(phone is null ? "" : $"（{phone}）")}" : $"名册中有 {matches.Count} 位“{name}”，请填写志愿者电话以区分");
                }
                var family = Family(2);
                var kindName = check.OneOf("服务类型", Cell(3), VolunteerAssignment.Kinds);
                var done = new HoursInput(Cell(4), Cell(5)).Read(check, by.At);
                var ticket = check.Optional("关联工单", Cell(6), 32)?.ToUpperInvariant();
                var note = check.Optional("说明", Cell(7), 500);
                if (check.Any)
                {
                    return null;
                }
                return new VolunteerAssignment
                {
                    VolunteerId = matches[0].Id, WorkerId = family!.Value, Kind = kindName!, TicketNumber = ticket, Note = note,
                    AssignedAt = ServiceTime.FromLocal(done!.Value.ServedOn.ToDateTime(TimeOnly.MinValue)), AssignedBy = by.Actor, AssignedByName = by.Name,
                    Department = by.Department, ServedOn = done.Value.ServedOn, Hours = done.Value.Hours,
                };
            }
        }
    }
}

/// <summary>Nothing was written when <see cref="Problems"/> is not empty.</summary>
public sealed record RecordImportResult(IReadOnlyList<RosterProblem> Problems, int Imported)
{
    public bool Succeeded => Problems.Count == 0;
}
