using System.Text.Json;
using System.Text.Json.Serialization;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Reports.Metrics;

namespace HuaXin.Bot.Reports.Dashboard;

/// <summary>A chart as dashboard.js draws it with Chart.js; the page puts it, as JSON, in the canvas's data-chart attribute,
/// which is also what a test reads to check the numbers drawn.</summary>
public sealed record ChartSpec(string Id, string Title, string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series,
    bool Percent = false, bool Horizontal = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

public sealed record ChartSeries(string Label, IReadOnlyList<double?> Data);

public static class DashboardCharts
{
    public static IReadOnlyList<ChartSpec> From(DashboardReport report)
    {
        var departments = report.Departments.Where(m => m.Group != MetricsCalculator.All).ToList();
        var units = report.Units.Where(m => m.Group is not (MetricsCalculator.All or ReportData.UnregisteredUnit)).ToList();
        return
        [
            new("weekly", "每周诉求量", "line", report.Weekly.Select(w => w.WeekStart.ToString("MM-dd")).ToList(),
                [new("诉求数", report.Weekly.Select(w => (double?)w.Requests).ToList())]),
            new("categories", "诉求类别构成", "doughnut", report.Overall.ByCategory.Select(c => c.Category).ToList(),
                [new("诉求数", report.Overall.ByCategory.Select(c => (double?)c.Count).ToList())]),
            new("sla", "各部门受理及时率与按时办结率", "bar", departments.Select(m => m.Group).ToList(),
                [new("受理及时率", departments.Select(m => ReportTables.Percent(m.AcceptedInTime)).ToList()),
                 new("按时办结率", departments.Select(m => ReportTables.Percent(m.ResolvedInTime)).ToList())], Percent: true),
            new("satisfaction", "各单位满意率与回访率", "bar", units.Select(m => m.Group).ToList(),
                [new("满意率", units.Select(m => ReportTables.Percent(m.Satisfied)).ToList()),
                 new("回访率", units.Select(m => ReportTables.Percent(m.FollowedUp)).ToList())], Percent: true),
            new("coverage", "各单位服务档案覆盖率", "bar", report.Coverage.Select(c => c.Unit).ToList(),
                [new("覆盖率", report.Coverage.Select(c => ReportTables.Percent(c.Rate)).ToList())], Percent: true),
            new("ranking", "量化考核排名（总分）", "bar", report.Assessment.Units.Select(u => $"{u.Rank}. {u.Unit}（{u.Grade}）").ToList(),
                [new("总分", report.Assessment.Units.Select(u => (double?)u.Total).ToList())], Horizontal: true),
        ];
    }
}
