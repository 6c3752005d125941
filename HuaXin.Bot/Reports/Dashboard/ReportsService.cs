using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.Tracking;
using HuaXin.Bot.Reports.HotIssues;
using HuaXin.Bot.Reports.Metrics;

namespace HuaXin.Bot.Reports.Dashboard;

/// <summary>What the console's report pages ask for: one load of the period's data, then the calculations over it.</summary>
public sealed class ReportsService(
    ReportDataLoader loader, MetricsCalculator metrics, RecordMetricsCalculator records, AssessmentCalculator assessment, HotIssueReportBuilder hotIssues,
    UnitCoverageBuilder coverage)
{
    public async Task<DashboardReport> DashboardAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var data = await loader.LoadAsync(period, cancellationToken);
        return new DashboardReport(period, metrics.Overall(data), metrics.ByDepartment(data), metrics.ByUnit(data), metrics.Weekly(data),
            metrics.Coverage(data), assessment.Assess(data), metrics.TopUnanswered(data));
    }

    public async Task<AssessmentResult> AssessAsync(ReportPeriod period, CancellationToken cancellationToken = default) =>
        assessment.Assess(await loader.LoadAsync(period, cancellationToken));

    /// <summary>The assessment with each unit's service records (走访, 慰问, 帮扶救助, 志愿服务) of the period.</summary>
    public async Task<(AssessmentResult Assessment, IReadOnlyList<RecordMetrics> Records)> AssessWithRecordsAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var data = await loader.LoadAsync(period, cancellationToken);
        return (assessment.Assess(data), records.ByUnit(data));
    }

    public async Task<UnitCoverage> CoverageAsync(ReportPeriod period, string unit, CancellationToken cancellationToken = default) =>
        coverage.Build(await loader.LoadAsync(period, cancellationToken), unit);

    public async Task<HotIssueReport> HotIssuesAsync(ReportPeriod period, string unit, CancellationToken cancellationToken = default) =>
        hotIssues.Build(await loader.LoadAsync(period, cancellationToken), unit);

    /// <summary>Units with registered families, for the report pages' unit pickers.</summary>
    public async Task<IReadOnlyList<string>> UnitsAsync(ReportPeriod period, CancellationToken cancellationToken = default) =>
        (await loader.LoadAsync(period, cancellationToken)).Units;
}
