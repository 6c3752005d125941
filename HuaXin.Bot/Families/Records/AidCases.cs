using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Families.Records;

/// <summary>帮扶救助 cases: application (困难职工备案), 初审 by the co-handling 车间工会, 审批 and 救助资金 payments by the lead
/// 集团工会, notes and co-handlers. Who may take which step is <see cref="AidRules"/>; each step, its record and its notices
/// are committed together, and the departments on the case are told through the outbox.</summary>
public sealed class AidCases(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    FamilyAccess access,
    DepartmentDestinations destinations,
    TimeProvider time,
    WorkSignal<OutboxWork> outboxSignal,
    ILogger<AidCases> logger)
{
    public const decimal MaxAmount = 100_000;
    private const int MaxNumberAttempts = 20;

    public async Task<RecordOutcome> OpenAsync(string staffId, AidInput input, StaffMember staff, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var problems = new InputProblems();
        var type = problems.OneOf("困难类型", input.HardshipType, AidTerms.HardshipTypes);
        var level = problems.OneOf("困难程度", input.Level, AidTerms.Levels);
        var kind = problems.OneOf("救助方式", input.Kind, AidTerms.Kinds);
        var application = problems.Required("申请事由", input.Application, 2000);
        var appliedAt = problems.Time("申请时间", input.AppliedAt, now, required: false) ?? now;
        var ticket = problems.Optional("关联工单", input.TicketNumber, 32)?.ToUpperInvariant();
        var attachments = problems.Optional("附件", input.Attachments, 500);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var family = await access.FindReadableAsync(db, staff, staffId, ct);
            if (family is null)
            {
                return RecordOutcome.Fail(RecordOutcome.NoFamily);
            }
            if (ticket is not null && !await db.ServiceRequests.AnyAsync(r => r.Number == ticket, ct))
            {
                problems.Add("关联工单", $"没有编号为 {ticket} 的工单");
            }
            if (problems.Any)
            {
                return RecordOutcome.Fail(problems.Message);
            }
            var prefix = $"BF-{ServiceTime.ToLocal(now):yyyyMMdd}-";
            var last = await db.Set<AidCase>().Where(a => a.Number.StartsWith(prefix)).OrderByDescending(a => a.Number).Select(a => a.Number).FirstOrDefaultAsync(ct);
            var aid = new AidCase
            {
                Number = $"{prefix}{(last is null ? 1 : int.Parse(last[prefix.Length..]) + 1):D4}",
                WorkerId = family.Id, HardshipType = type!, Level = level!, Kind = kind!, Application = application!, AppliedAt = appliedAt,
                Status = AidStatus.AwaitingCheck, Department = AidTerms.Lead,
                Due = ServiceCalendar.AddDays(appliedAt, AidTerms.DecisionWorkingDays, workingDays: true),
                TicketNumber = ticket, Attachments = attachments, CreatedBy = Recorder.Of(staff, now).Actor, CreatedAt = now, UpdatedAt = now,
            };
            foreach (var department in new[] { AidTerms.FirstCheck, staff.Department }.Distinct().Where(d => d != aid.Department && Departments.IsKnown(d)))
            {
                aid.CoHandlers.Add(new AidCaseCoHandler { Department = department, AddedAt = now, AddedBy = aid.CreatedBy });
            }
            db.Add(aid);
            var change = new AidChange(db, aid, staff, now, destinations, time, ct);
            change.Step("申请", null, $"{family.Name}家庭（{family.Unit}）{kind}：{type}，{level}。{application}");
            await change.ToDepartmentsAsync($"【帮扶救助】{aid.Number} {family.Name}家庭（{family.Unit}）申请{kind}（{type}，{level}），" +
                $"请{AidTerms.FirstCheck}入户核实初审，{TicketCards.Local(aid.Due)} 前完成审批。", except: null);
            try
            {
                await db.SaveChangesAsync(ct);
                outboxSignal.Notify();
                logger.LogInformation("Aid case {Number} opened for worker {WorkerId}", aid.Number, family.Id);
                return new RecordOutcome(true, $"已登记帮扶救助申请 {aid.Number}，审批时限 {TicketCards.Local(aid.Due)}。", aid.Number);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation() && attempt < MaxNumberAttempts)
            {
                // Another case took the number meanwhile; take the next one.
            }
        }
    }

    /// <summary>初审: passed on to 审批, or not approved with the reason.</summary>
    public Task<RecordOutcome> CheckAsync(string number, StaffMember staff, bool passed, string? note, CancellationToken ct) =>
        ChangeAsync(number, staff, ct, async (a, c) =>
        {
            if (AidRules.Check(a, staff) is { } refused) return RecordOutcome.Fail(refused);
            var problems = new InputProblems();
            var text = passed ? problems.Optional("初审意见", note, 1000) : problems.Required("不通过的原因", note, 1000);
            if (problems.Any) return RecordOutcome.Fail(problems.Message);
            var from = a.Status;
            a.Status = passed ? AidStatus.AwaitingDecision : AidStatus.Rejected;
            c.Step(passed ? "初审" : "初审不通过", from, text);
            await c.ToDepartmentsAsync($"【帮扶救助】{a.Number} {(passed ? "初审通过，请审批" : "初审未通过")}（{staff.Department}）{(text is null ? "" : "：" + text)}", except: staff.Department);
            return new RecordOutcome(true, passed ? $"{a.Number} 初审通过，已转{a.Department}审批。" : $"{a.Number} 初审未通过。");
        });

    /// <summary>审批: approved with the amount, or not approved with the reason.</summary>
    public Task<RecordOutcome> DecideAsync(string number, StaffMember staff, bool approved, string? amount, string? note, CancellationToken ct) =>
        ChangeAsync(number, staff, ct, async (a, c) =>
        {
            if (AidRules.Decide(a, staff) is { } refused) return RecordOutcome.Fail(refused);
            var problems = new InputProblems();
            var sum = approved ? problems.Amount("批准金额", amount, MaxAmount, required: true) : null;
            var text = approved ? problems.Optional("审批意见", note, 1000) : problems.Required("不予批准的原因", note, 1000);
            if (problems.Any) return RecordOutcome.Fail(problems.Message);
            var from = a.Status;
            a.Status = approved ? AidStatus.Approved : AidStatus.Rejected;
            a.ApprovedAmount = sum;
            c.Step(approved ? "审批" : "不予批准", from, approved ? $"批准{sum:0.##}元{(text is null ? "" : "：" + text)}" : text);
            await c.ToDepartmentsAsync($"【帮扶救助】{a.Number} {(approved ? $"已批准{sum:0.##}元" : "不予批准")}，请{AidTerms.FirstCheck}告知申请人{(text is null ? "" : "：" + text)}", except: staff.Department);
            return new RecordOutcome(true, approved ? $"{a.Number} 已批准 {sum:0.##} 元。" : $"{a.Number} 不予批准。");
        });

    /// <summary>One 救助资金 payment; the payments may not exceed the approved amount.</summary>
    public Task<RecordOutcome> PayAsync(string number, StaffMember staff, string? amount, string? paidOn, string? note, CancellationToken ct) =>
        ChangeAsync(number, staff, ct, async (a, c) =>
        {
            if (AidRules.Pay(a, staff) is { } refused) return RecordOutcome.Fail(refused);
            var problems = new InputProblems();
            var sum = problems.Amount("发放金额", amount, MaxAmount, required: true);
            var day = problems.Day("发放日期", paidOn, c.Now);
            var text = problems.Optional("备注", note, 500);
            var paid = a.Payments.Sum(p => p.Amount);
            if (sum is { } s && a.ApprovedAmount is { } approved && paid + s > approved)
            {
                problems.Add("发放金额", $"超过批准金额：已批准{approved:0.##}元，已发放{paid:0.##}元，最多还能发放{approved - paid:0.##}元");
            }
            if (problems.Any) return RecordOutcome.Fail(problems.Message);
            a.Payments.Add(new AidPayment { Amount = sum!.Value, PaidOn = day!.Value, Note = text, RecordedBy = c.By.Actor, RecordedByName = staff.Name, RecordedAt = c.Now });
            c.Step("发放", a.Status, $"{day:yyyy-MM-dd} 发放{sum:0.##}元{(text is null ? "" : "：" + text)}");
            await c.ToDepartmentsAsync($"【救助资金】{a.Number} {day:yyyy-MM-dd} 已发放{sum:0.##}元，请{AidTerms.FirstCheck}5个工作日内电话告知家属。", except: staff.Department);
            return new RecordOutcome(true, $"已记录发放 {sum:0.##} 元（{day:yyyy-MM-dd}）。");
        });

    public Task<RecordOutcome> CloseAsync(string number, StaffMember staff, string? note, CancellationToken ct) =>
        ChangeAsync(number, staff, ct, async (a, c) =>
        {
            if (AidRules.Close(a, staff) is { } refused) return RecordOutcome.Fail(refused);
            var problems = new InputProblems();
            var text = problems.Optional("结案说明", note, 1000);
            if (problems.Any) return RecordOutcome.Fail(problems.Message);
            var from = a.Status;
            a.Status = AidStatus.Closed;
            c.Step("结案", from, text);
            await c.ToDepartmentsAsync($"【帮扶救助】{a.Number} 已结案{(text is null ? "" : "：" + text)}", except: staff.Department);
            return new RecordOutcome(true, $"{a.Number} 已结案。");
        });

    public Task<RecordOutcome> NoteAsync(string number, StaffMember staff, string? note, CancellationToken ct) =>
        ChangeAsync(number, staff, ct, async (a, c) =>
        {
            if (AidRules.Note(a, staff) is { } refused) return RecordOutcome.Fail(refused);
            var problems = new InputProblems();
            var text = problems.Required("备注", note, 1000);
            if (problems.Any) return RecordOutcome.Fail(problems.Message);
            c.Step("备注", a.Status, text);
            await c.ToDepartmentsAsync($"【帮扶救助】{a.Number} {staff.Name}（{staff.Department}）备注：{text}", except: staff.Department);
            return new RecordOutcome(true, "已记录备注。");
        });

    public Task<RecordOutcome> AddCoHandlerAsync(string number, StaffMember staff, string? department, CancellationToken ct) =>
        ChangeAsync(number, staff, ct, async (a, c) =>
        {
            if (AidRules.ChangeCoHandlers(a, staff) is { } refused) return RecordOutcome.Fail(refused);
            var name = department?.Trim() ?? "";
            if (CoHandling.RefuseToAdd(a.Number, a.Department, [.. a.CoHandlers.Select(h => h.Department)], name) is { } invalid) return RecordOutcome.Fail(invalid);
            a.CoHandlers.Add(new AidCaseCoHandler { Department = name, AddedAt = c.Now, AddedBy = c.By.Actor });
            c.Step("协办", a.Status, $"{a.Department}主办，请{name}协办");
            await c.ToDepartmentAsync(name, $"【协办】{a.Department}请{name}协办帮扶救助 {a.Number}（{a.Kind}，审批时限 {TicketCards.Local(a.Due)}）。");
            return new RecordOutcome(true, $"已请{name}协办 {a.Number}。");
        });

    public Task<RecordOutcome> RemoveCoHandlerAsync(string number, StaffMember staff, string? department, CancellationToken ct) =>
        ChangeAsync(number, staff, ct, async (a, c) =>
        {
            if (AidRules.ChangeCoHandlers(a, staff) is { } refused) return RecordOutcome.Fail(refused);
            var name = department?.Trim() ?? "";
            if (CoHandling.RefuseToRemove(a.Number, [.. a.CoHandlers.Select(h => h.Department)], name) is { } invalid) return RecordOutcome.Fail(invalid);
            var removed = a.CoHandlers.Single(h => h.Department == name);
            a.CoHandlers.Remove(removed);
            c.Db.Remove(removed);
            c.Step("取消协办", a.Status, $"{name}不再协办");
            await c.ToDepartmentAsync(name, $"【取消协办】帮扶救助 {a.Number} 不再需要{name}协办。");
            return new RecordOutcome(true, $"{name}不再协办 {a.Number}。");
        });

    /// <summary>The case with its steps, payments and co-handlers, when the staff member's department is on it (or keeps archives); else null.</summary>
    public async Task<(AidCase Case, Worker Family)?> FindAsync(string number, StaffMember staff, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var aid = await db.Set<AidCase>().AsNoTracking().Include(a => a.Steps).Include(a => a.Payments).Include(a => a.CoHandlers).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.Number == number.Trim().ToUpperInvariant(), ct);
        if (aid is null)
        {
            return null;
        }
        var family = await db.Set<Worker>().AsNoTracking().SingleAsync(w => w.Id == aid.WorkerId, ct);
        return AidRules.RoleOf(aid, staff) != CaseRole.None || await access.MayReadAsync(db, staff, family, ct) ? (aid, family) : null;
    }

    /// <summary>Cases the staff member's department leads or co-handles (every case for admins), open ones first by deadline.</summary>
    public async Task<IReadOnlyList<(AidCase Case, Worker Family)>> ListAsync(StaffMember staff, bool openOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<AidCase>().AsNoTracking().Include(a => a.Payments).Include(a => a.CoHandlers).AsSplitQuery();
        if (staff.Role != StaffRole.Admin)
        {
            query = query.Where(a => a.Department == staff.Department || a.CoHandlers.Any(h => h.Department == staff.Department));
        }
        var open = new[] { AidStatus.AwaitingCheck, AidStatus.AwaitingDecision, AidStatus.Approved };
        if (openOnly)
        {
            query = query.Where(a => open.Contains(a.Status));
        }
        var cases = await query.OrderBy(a => open.Contains(a.Status) ? 0 : 1).ThenBy(a => a.Due).Take(500).ToListAsync(ct);
        var ids = cases.Select(a => a.WorkerId).Distinct().ToList();
        var families = await db.Set<Worker>().AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        return cases.Select(a => (a, families[a.WorkerId])).ToList();
    }

    private async Task<RecordOutcome> ChangeAsync(string number, StaffMember staff, CancellationToken ct, Func<AidCase, AidChange, Task<RecordOutcome>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var key = number.Trim().ToUpperInvariant();
            var aid = await db.Set<AidCase>().Include(a => a.Payments).Include(a => a.CoHandlers).AsSplitQuery().SingleOrDefaultAsync(a => a.Number == key, ct);
            if (aid is null)
            {
                return RecordOutcome.Fail($"没有找到帮扶救助案件 {key}。");
            }
            var context = new AidChange(db, aid, staff, time.GetUtcNow(), destinations, time, ct);
            var outcome = await change(aid, context);
            if (!outcome.Ok)
            {
                return outcome;
            }
            aid.UpdatedAt = context.Now;
            aid.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                outboxSignal.Notify();
                logger.LogInformation("Aid case {Number}: {Actions} by {Department}", key, string.Join(",", context.Actions), staff.Department);
                return outcome with { Key = aid.Number };
            }
            catch (DbUpdateException e) when (attempt < 5 && (e is DbUpdateConcurrencyException || e.IsUniqueViolation()))
            {
                // The case moved meanwhile: re-read it and check the step again.
            }
        }
    }

    /// <summary>One step's record and notices inside the step's DbContext.</summary>
    private sealed class AidChange(HuaXinDbContext db, AidCase aid, StaffMember staff, DateTimeOffset now, DepartmentDestinations destinations, TimeProvider time, CancellationToken ct)
    {
        private int _notices;

        public HuaXinDbContext Db => db;
        public DateTimeOffset Now => now;
        public Recorder By { get; } = Recorder.Of(staff, now);
        public List<string> Actions { get; } = [];

        public void Step(string action, string? from, string? note)
        {
            Actions.Add(action);
            aid.Steps.Add(new AidStep
            {
                Action = action, FromStatus = from, ToStatus = aid.Status, Actor = By.Actor, ActorName = staff.Name, ActorDepartment = staff.Department, Note = note, At = now,
            });
        }

        /// <summary>The lead and every co-handling department, except the one that took the step.</summary>
        public async Task ToDepartmentsAsync(string text, string? except)
        {
            foreach (var department in new[] { aid.Department }.Concat(aid.CoHandlers.Select(h => h.Department)).Where(d => d != except))
            {
                await ToDepartmentAsync(department, text);
            }
        }

        public async Task ToDepartmentAsync(string department, string text)
        {
            foreach (var d in await destinations.GetAsync(department, ct))
            {
                // Unique per case version and notice, so a retried step never queues the same notice twice.
                await Outbox.AddAsync(db, d.Channel, d.Address, new OutboundMessage(text), $"aid:{aid.Number}:v{aid.Version + 1}:{_notices++}:{department}:{d.Channel}", time, ct);
            }
        }
    }
}
