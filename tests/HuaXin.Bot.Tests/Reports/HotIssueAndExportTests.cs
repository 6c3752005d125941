using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Reports.HotIssues;
using MiniExcelLibs;
using static HuaXin.Bot.Tests.Reports.ReportFixtureData;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>The 述职 hot-issue report of 一车间 for Q1 2026 and the .xlsx exports, read back with MiniExcel.</summary>
public sealed class HotIssueAndExportTests : IAsyncLifetime
{
    private ReportsHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportsHost.StartAsync();
        await SeedAsync(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Hot_issue_report_lists_topics_open_items_and_unhappy_comments_first()
    {
        var report = await _host.Get<ReportsService>().HotIssuesAsync(Q1, "一车间");

        // W1's two answers cite the hardship document; W2's abstention has no citation.
        Assert.Equal([("困难职工帮扶救助管理办法", 2), (HotIssueReportBuilder.Uncovered, 1)], report.QuestionTopics.Select(t => (t.Topic, t.Count)));
        Assert.Equal(["困难帮扶标准是多少", "困难帮扶怎么申请"], report.QuestionTopics[0].Examples);
        // T1 T2 medical; one each of T3 T4 T5 T6, ties in name order.
        Assert.Equal(("就医协助/医疗互助", 2), (report.RequestCategories[0].Topic, report.RequestCategories[0].Count));
        Assert.Equal(5, report.RequestCategories.Count);
        // T2 reopened under 督办 and resolved late; T5 never accepted. Both overdue, oldest first.
        Assert.Equal([("HX-20260212-0001", true), ("HX-20260330-0001", true)], report.OpenItems.Select(i => (i.Number, i.Overdue)));
        Assert.Equal("张一", report.OpenItems[0].Requester);
        // 不满意 before 非常满意.
        Assert.Equal([("不满意", "等了太久"), ("非常满意", "师傅很专业")], report.Comments.Select(c => (c.Rating, c.Comment)));
    }

    [Fact]
    public async Task Hot_issue_export_has_one_sheet_per_section_with_the_same_cells()
    {
        var report = await _host.Get<ReportsService>().HotIssuesAsync(Q1, "一车间");
        using var xlsx = new MemoryStream(ExcelWorkbook.Write(ReportTables.HotIssues(report)));

        Assert.Equal(["问题热点", "诉求类别", "未办结及超时", "群众评价"], MiniExcel.GetSheetNames(xlsx));
        var open = Rows(xlsx, "未办结及超时");
        Assert.Equal(2, open.Count);
        // The 述职 report names no tickets.
        Assert.DoesNotContain("编号", open[0].Keys);
        Assert.Equal("就医协助/医疗互助", open[0]["类别"]);
        Assert.Equal("超时", open[0]["是否超时"]);
        // Dates are written in China time.
        Assert.Equal(new DateTime(2026, 2, 12, 9, 0, 0), open[0]["提交时间"]);
        var comments = Rows(xlsx, "群众评价");
        Assert.Equal(("不满意", "等了太久"), (comments[0]["评价"], comments[0]["意见"]));
    }

    [Fact]
    public async Task Dashboard_export_writes_every_table_with_numbers_as_numbers()
    {
        var dashboard = await _host.Get<ReportsService>().DashboardAsync(Q1);
        using var xlsx = new MemoryStream(ExcelWorkbook.Write(dashboard.Tables));

        Assert.Equal(["每周诉求", "诉求类别", "部门指标", "单位指标", "服务档案覆盖", "考核排名", "考核明细", "未解答问题"], MiniExcel.GetSheetNames(xlsx));
        var ranking = Rows(xlsx, "考核排名");
        Assert.Equal(["三车间", "二车间", "一车间"], ranking.Select(r => r["单位"]));
        Assert.Equal(68.17, Convert.ToDouble(ranking[2]["总分"]));
        Assert.Equal("合格", ranking[2]["等次"]);
        var units = Rows(xlsx, "单位指标").ToDictionary(r => (string)r["单位"]!);
        // 一车间 受理及时率 3/5 = 60 %, 满意率 2/3 = 66.67 %; the last row is everything together (6/9 = 66.67 %).
        Assert.Equal(60.0, Convert.ToDouble(units["一车间"]["受理及时率(%)"]));
        Assert.Equal(66.67, Convert.ToDouble(units["一车间"]["满意率(%)"]));
        Assert.Equal(66.67, Convert.ToDouble(units["全部"]["受理及时率(%)"]));
        var departments = Rows(xlsx, "部门指标").ToDictionary(r => (string)r["承办部门"]!);
        Assert.Equal(2.83, Convert.ToDouble(departments["集团工会"]["平均受理时长(小时)"]));
        var sheet = Rows(xlsx, "考核明细").Where(r => (string)r["单位"]! == "一车间").ToList();
        Assert.Equal(("满意率", "2/3", 16.67), ((string)sheet[3]["考核项目"]!, (string)sheet[3]["计数"]!, Convert.ToDouble(sheet[3]["得分"])));
    }

    private static List<IDictionary<string, object?>> Rows(Stream xlsx, string sheet)
    {
        xlsx.Position = 0;
        return MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }
}
