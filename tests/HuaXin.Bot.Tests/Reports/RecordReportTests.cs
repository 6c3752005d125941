using HuaXin.Bot.Data;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Families.Tracking;
using HuaXin.Bot.People;
using HuaXin.Bot.Reports;
using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Reports.Metrics;
using HuaXin.Bot.Tests.StaffConsole;
using MiniExcelLibs;
using static HuaXin.Bot.Tests.Reports.ReportFixtureData;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>Service records in the reports of Q1 2026: 四车间 has family E001 (three home visits, a phone call, a 慰问 of 500,
/// an aid case decided in time with 2000 paid, 3.5 volunteer hours, an unaccepted ticket) and E002 (nothing but a ticket
/// resolved on 02-10 with no follow-up). Both registered on 2025-12-01; report time 2026-04-05.</summary>
public sealed class RecordReportTests
{
    private static DateTimeOffset China(int month, int day) => new DateTimeOffset(2026, month, day, 10, 0, 0, ReportPeriod.ChinaOffset).ToUniversalTime();

    private static async Task SeedRecordsAsync(ReportsHost host)
    {
        var registered = new DateTimeOffset(2025, 12, 1, 0, 0, 0, ReportPeriod.ChinaOffset).ToUniversalTime();
        await host.ExecuteAsync(async db =>
        {
            var e1 = new Worker { StaffId = "E001", Name = "钱一", Unit = "四车间", RegisteredAt = registered };
            var e2 = new Worker { StaffId = "E002", Name = "钱二", Unit = "四车间", RegisteredAt = registered };
            db.AddRange(e1, e2);
            await db.SaveChangesAsync();
            foreach (var (month, day, mode) in new[] { (1, 10, VisitModes.Home), (2, 10, VisitModes.Home), (3, 20, VisitModes.Home), (3, 25, "电话联系") })
            {
                db.Add(new ServiceVisit { WorkerId = e1.Id, VisitedAt = China(month, day), Mode = mode, Visitors = "刘联络", Findings = "好", Department = "车间工会", RecordedBy = "t" });
            }
            db.Add(new Condolence { WorkerId = e1.Id, At = China(2, 1), Occasion = "春节", Amount = 500, Visitors = "王工会", Department = "集团工会", RecordedBy = "t" });
            var aid = new AidCase
            {
                Number = "BF-20260105-0001", WorkerId = e1.Id, HardshipType = "重大疾病", Level = "一般困难", Kind = "一次性救助", Application = "住院", AppliedAt = China(1, 5),
                Status = AidStatus.Approved, Department = "集团工会", ApprovedAmount = 2000, Due = China(1, 14), CreatedBy = "t",
                Steps = [new() { Action = "申请", ToStatus = AidStatus.AwaitingCheck, Actor = "t", At = China(1, 5) }, new() { Action = "审批", ToStatus = AidStatus.Approved, Actor = "t", At = China(1, 9) }],
                Payments = [new() { Amount = 2000, PaidOn = new DateOnly(2026, 1, 12), RecordedBy = "t" }],
            };
            db.Add(aid);
            var volunteer = new Volunteer { Name = "小周" };
            db.Add(volunteer);
            await db.SaveChangesAsync();
            db.Add(new VolunteerAssignment { VolunteerId = volunteer.Id, WorkerId = e1.Id, Kind = "陪诊", AssignedAt = China(3, 1), AssignedBy = "t", Department = "团委", ServedOn = new DateOnly(2026, 3, 2), Hours = 3.5m });
            db.ServiceRequests.AddRange(
                Ticket("HX-20260301-0001", "dingtalk", "E001", China(3, 1), resolved: null),
                Ticket("HX-20260201-0001", "dingtalk", "E002", China(2, 1), resolved: China(2, 10)));
        });
    }

    private static ServiceRequest Ticket(string number, string channel, string userId, DateTimeOffset created, DateTimeOffset? resolved)
    {
        List<ServiceRequestHistory> history = [new() { Action = "提交", ToStatus = "待受理", Actor = "t", At = created }];
        if (resolved is { } at)
        {
            history.Add(new() { Action = "受理", ToStatus = "已受理", Actor = "t", At = created.AddHours(1) });
            history.Add(new() { Action = "办结", ToStatus = "已办结", Actor = "t", At = at });
        }
        return new ServiceRequest
        {
            Number = number, Category = "medical", Department = "集团工会", Channel = channel, UserId = userId, SlotsJson = "{}", OriginalText = "看病",
            Status = resolved is null ? "待受理" : "已办结", CreatedAt = created, UpdatedAt = history[^1].At, FirstContactDue = created.AddHours(4),
            ResolveDue = created.AddDays(3), AcceptedAt = resolved is null ? null : created.AddHours(1), ResolvedAt = resolved, History = history,
        };
    }

    [Fact]
    public async Task Visits_condolences_aid_and_volunteer_hours_count_toward_coverage_and_are_counted_per_unit()
    {
        await using var host = await ReportsHost.StartAsync();
        await SeedRecordsAsync(host);
        var data = await host.Get<ReportDataLoader>().LoadAsync(Q1);

        var coverage = host.Get<MetricsCalculator>().Coverage(data).Single(c => c.Unit == "四车间");
        var records = host.Get<RecordMetricsCalculator>().ByUnit(data).Single(r => r.Unit == "四车间");

        // E001 by its records and its ticket, E002 by its ticket.
        Assert.Equal((2, 2), (coverage.Registered, coverage.Contacted));
        // E001 is a 困难职工家庭 (approved aid): three home visits needed in a 90-day quarter, three made. E002: none.
        Assert.Equal((4, 3, new Rate(1, 2)), (records.Visits, records.HomeVisits, records.VisitedAsRequired));
        Assert.Equal((1, 500m, new Rate(1, 2)), (records.Condolences, records.CondolenceAmount, records.Condoled));
        Assert.Equal((1, 1, 2000m, new Rate(1, 1)), (records.AidCases, records.AidPayments, records.AidPaid, records.AidDecidedInTime));
        Assert.Equal((1, 3.5m), (records.VolunteerServices, records.VolunteerHours));
    }

    [Fact]
    public async Task A_family_reached_only_by_a_visit_counts_as_covered()
    {
        await using var host = await ReportsHost.StartAsync();
        await host.ExecuteAsync(async db =>
        {
            var w = new Worker { StaffId = "G001", Name = "孙一", Unit = "五车间", RegisteredAt = Q1.From.AddDays(-1) };
            db.Add(w);
            await db.SaveChangesAsync();
            db.Add(new ServiceVisit { WorkerId = w.Id, VisitedAt = China(2, 2), Mode = VisitModes.Home, Visitors = "x", Findings = "y", Department = "车间工会", RecordedBy = "t" });
        });

        var unit = host.Get<AssessmentCalculator>().Assess(await host.Get<ReportDataLoader>().LoadAsync(Q1)).Units.Single();

        Assert.Equal(new Rate(1, 1), unit.Items[0].Value);
        Assert.Equal(100, unit.Total);
    }

    [Fact]
    public async Task The_record_items_score_with_their_configured_weights()
    {
        await using var host = await ReportsHost.StartAsync(new Dictionary<string, string?>
        {
            ["Assessment:Items:0:Metric"] = "Coverage", ["Assessment:Items:0:Weight"] = "20", ["Assessment:Items:0:Scoring"] = "DeductPerPoint",
            ["Assessment:Items:1:Metric"] = "Visits", ["Assessment:Items:1:Weight"] = "20",
            ["Assessment:Items:2:Metric"] = "Condolences", ["Assessment:Items:2:Weight"] = "20",
            ["Assessment:Items:3:Metric"] = "AidInTime", ["Assessment:Items:3:Weight"] = "20",
            ["Assessment:Items:4:Metric"] = "VolunteerHours", ["Assessment:Items:4:Weight"] = "20", ["Assessment:Items:4:Target"] = "1",
        });
        await SeedRecordsAsync(host);

        var unit = host.Get<AssessmentCalculator>().Assess(await host.Get<ReportDataLoader>().LoadAsync(Q1)).Units.Single(u => u.Unit == "四车间");

        // Coverage 2/2 → 20; visits 1/2 × 20 = 10; 慰问 1/2 × 20 = 10; aid 1/1 → 20; 3.5 h (4 whole) against 1 h × 2 families → capped → 20.
        Assert.Equal(["服务档案覆盖率", "走访达标率", "慰问覆盖率", "救助审批及时率", "志愿服务时长"], unit.Items.Select(i => i.Name));
        Assert.Equal([20, 10, 10, 20, 20], unit.Items.Select(i => i.Points));
        Assert.Equal(80, unit.Total);
        Assert.Contains("每户1小时", unit.Items[4].Rule);
    }

    [Fact]
    public async Task The_unit_coverage_page_lists_families_not_visited_visits_due_open_aid_and_tickets_without_follow_up()
    {
        await using var host = await ReportsHost.StartAsync();
        await SeedRecordsAsync(host);

        var report = await host.Get<ReportsService>().CoverageAsync(Q1, "四车间");

        Assert.Equal((2, 2, 1), (report.Families, report.Contacted, report.HomeVisited));
        Assert.Equal(["E002"], report.NotVisited.Select(f => f.StaffId));
        // E002 fell due on 03-01 (registered 12-01 + 90 days); E001, a priority family last visited 03-20, is due 04-19.
        var due = Assert.Single(report.VisitsDue);
        Assert.Equal(("E002", VisitState.Overdue), (due.StaffId, due.State));
        Assert.Equal(["BF-20260105-0001"], report.OpenAidCases.Select(a => a.Number));
        Assert.Equal([("HX-20260201-0001", "办结后未回访"), ("HX-20260301-0001", "未受理")], report.NoFollowUp.Select(t => (t.Number, t.Why)));
    }

    [Fact]
    public async Task The_secretary_report_leaves_out_ticket_numbers_and_ticket_commands()
    {
        await using var host = await ReportsHost.StartAsync();
        await SeedAsync(host);
        await host.ExecuteAsync(db =>
        {
            db.AnswerFeedback.AddRange(
                new AnswerFeedbackRow { Channel = "dingtalk", UserId = "A001", Question = "HX-20260202-0001", Helpful = false, CitedDocIds = "", At = D.AddDays(5) },
                new AnswerFeedbackRow { Channel = "dingtalk", UserId = "A001", Question = "撤回 HX-20260202-0001", Helpful = false, CitedDocIds = "", At = D.AddDays(6) },
                new AnswerFeedbackRow { Channel = "dingtalk", UserId = "A001", Question = "我的HX-20260202-0001办得怎么样了", Helpful = false, CitedDocIds = "", At = D.AddDays(7) });
            return Task.CompletedTask;
        });

        var report = await host.Get<ReportsService>().HotIssuesAsync(Q1, "一车间");
        var tables = ReportTables.HotIssues(report);

        Assert.Equal([("困难职工帮扶救助管理办法", 2), (HuaXin.Bot.Reports.HotIssues.HotIssueReportBuilder.Uncovered, 1)], report.QuestionTopics.Select(t => (t.Topic, t.Count)));
        Assert.All(tables.SelectMany(t => t.Columns), c => Assert.NotEqual("编号", c));
        Assert.All(tables.SelectMany(t => t.Rows).SelectMany(r => r), cell => Assert.DoesNotContain("HX-", CellText.Format(cell)));
        Workbook.AssertWidthsAndDateTimes(ExcelWorkbook.Write(tables), columns: 3);
    }

    [Fact]
    public async Task The_archive_export_has_the_service_records_with_times()
    {
        await using var host = await ReportsHost.StartAsync();
        await SeedRecordsAsync(host);
        var archives = await host.Get<HuaXin.Bot.Reports.Archive.ServiceArchive>().ForUnitAsync("四车间");

        using var xlsx = new MemoryStream(ExcelWorkbook.Write(HuaXin.Bot.Reports.Archive.ArchiveTables.From(archives, new HuaXin.Bot.Tickets.StaffMember { Name = "admin", Role = HuaXin.Bot.Tickets.StaffRole.Admin })));

        Assert.Equal(["服务家庭", "家庭成员", "服务记录", "走访记录", "慰问记录", "帮扶救助", "救助发放", "志愿服务"], MiniExcel.GetSheetNames(xlsx));
        xlsx.Position = 0;
        var visits = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "走访记录").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(4, visits.Count);
        Assert.Contains(visits, v => v["走访时间"] is DateTime at && at == new DateTime(2026, 3, 20, 10, 0, 0));
    }
}
