using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Reports.Metrics;

namespace HuaXin.Bot.Reports.Dashboard;

/// <summary>Everything the dashboard shows for a period: the charts' series and the tables behind them.</summary>
public sealed record DashboardReport(
    ReportPeriod Period,
    ServiceMetrics Overall,
    IReadOnlyList<ServiceMetrics> Departments,
    IReadOnlyList<ServiceMetrics> Units,
    IReadOnlyList<(DateOnly WeekStart, int Requests)> Weekly,
    IReadOnlyList<Coverage> Coverage,
    AssessmentResult Assessment,
    IReadOnlyList<QuestionCount> Unanswered)
{
    /// <summary>The tables in page order; their names are the export's sheet names and the ?table= values.</summary>
    public IReadOnlyList<ReportTable> Tables =>
    [
        ReportTables.Weekly(Weekly),
        ReportTables.Categories(Overall),
        ReportTables.Metrics("部门指标", "承办部门", Departments),
        ReportTables.Metrics("单位指标", "单位", Units),
        ReportTables.Coverage(Coverage),
        ReportTables.Ranking(Assessment),
        ReportTables.ScoreSheet(Assessment),
        ReportTables.Unanswered(Unanswered),
    ];
}
