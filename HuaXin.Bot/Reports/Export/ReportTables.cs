using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.HotIssues;
using HuaXin.Bot.Reports.Metrics;

namespace HuaXin.Bot.Reports.Export;

/// <summary>The report models as tables. Rates are percentages rounded to 2 decimals; an empty cell means nothing to count.</summary>
public static class ReportTables
{
    public static ReportTable Metrics(string name, string groupColumn, IEnumerable<ServiceMetrics> metrics) => new(name,
        [groupColumn, "诉求数", "受理及时率(%)", "按时办结率(%)", "平均受理时长(小时)", "受理时长中位数(小时)", "平均办结时长(小时)", "办结时长中位数(小时)",
            "满意率(%)", "回访率(%)", "重复诉求率(%)", "知识库自助解答率(%)"],
        metrics.Select(m => Row(m.Group, m.Requests, Percent(m.AcceptedInTime), Percent(m.ResolvedInTime), m.TimeToAccept.MeanHours, m.TimeToAccept.MedianHours,
            m.TimeToResolve.MeanHours, m.TimeToResolve.MedianHours, Percent(m.Satisfied), Percent(m.FollowedUp), Percent(m.Repeated), Percent(m.SelfServed))).ToList());

    public static ReportTable Categories(ServiceMetrics overall) => new("诉求类别",
        ["类别", "诉求数"], overall.ByCategory.Select(c => Row(c.Category, c.Count)).ToList());

    public static ReportTable Weekly(IEnumerable<(DateOnly WeekStart, int Requests)> weeks) => new("每周诉求",
        ["周起始日", "诉求数"], weeks.Select(w => Row(w.WeekStart.ToString("yyyy-MM-dd"), w.Requests)).ToList());

    public static ReportTable Coverage(IEnumerable<Coverage> coverage) => new("服务档案覆盖",
        ["单位", "登记家庭数", "有服务联系家庭数", "覆盖率(%)"],
        coverage.Select(c => Row(c.Unit, c.Registered, c.Contacted, Percent(c.Rate))).ToList());

    public static ReportTable Ranking(AssessmentResult result) => new("考核排名",
        ["排名", "单位", "总分", "等次", "通报"],
        result.Units.Select(u => Row(u.Rank, u.Unit, u.Total, u.Grade,
            result.Praised.Contains(u.Unit) ? "通报表扬" : result.Criticised.Contains(u.Unit) ? "通报批评" : null)).ToList());

    public static ReportTable ScoreSheet(AssessmentResult result) => new("考核明细",
        ["单位", "考核项目", "实际值(%)", "计数", "分值", "得分", "计分方法"],
        result.Units.SelectMany(u => u.Items.Select(i => Row(u.Unit, i.Name, Percent(i.Value), $"{i.Value.Hits}/{i.Value.Total}", i.Weight, i.Points, i.Rule))).ToList());

    public static ReportTable Records(IEnumerable<RecordMetrics> records) => new("服务记录统计",
        ["单位", "登记家庭数", "走访次数", "上门走访次数", "走访达标率(%)", "慰问次数", "慰问金(元)", "慰问覆盖率(%)", "救助申请数", "救助发放笔数", "救助发放金额(元)",
            "救助审批及时率(%)", "志愿服务次数", "志愿服务时长(小时)"],
        records.Select(r => Row(r.Unit, r.Families, r.Visits, r.HomeVisits, Percent(r.VisitedAsRequired), r.Condolences, r.CondolenceAmount, Percent(r.Condoled),
            r.AidCases, r.AidPayments, r.AidPaid, Percent(r.AidDecidedInTime), r.VolunteerServices, r.VolunteerHours)).ToList());

    public static ReportTable Unanswered(IEnumerable<QuestionCount> questions) => new("未解答问题",
        ["问题", "次数"], questions.Select(q => Row(q.Question, q.Count)).ToList());

    public static IReadOnlyList<ReportTable> HotIssues(HotIssueReport report) =>
    [
        new("问题热点", ["话题", "次数", "典型问题"], report.QuestionTopics.Select(t => Row(t.Topic, t.Count, string.Join("；", t.Examples))).ToList()),
        new("诉求类别", ["类别", "诉求数", "典型诉求"], report.RequestCategories.Select(t => Row(t.Topic, t.Count, string.Join("；", t.Examples))).ToList()),
        // No ticket numbers: the 述职 report is printed and read out (述职评议办法 第八条).
        new("未办结及超时", ["类别", "诉求内容", "承办部门", "状态", "提交时间", "办结时限", "办结时间", "是否超时", "申请人"],
            report.OpenItems.Select(i => Row(i.Category, i.Summary, i.Department, i.Status, i.CreatedAt, i.ResolveDue, i.ResolvedAt, i.Overdue ? "超时" : "未超时", i.Requester)).ToList()),
        new("群众评价", ["类别", "评价", "意见", "评价时间"],
            report.Comments.Select(c => Row(c.Category, c.Rating, c.Comment, c.At)).ToList()),
    ];

    public static double? Percent(Rate rate) => rate.Value is { } v ? Math.Round(v * 100, 2) : null;

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
