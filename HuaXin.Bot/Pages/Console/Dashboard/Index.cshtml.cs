using HuaXin.Bot.Reports;
using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.Reports.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Dashboard;

/// <summary>数据看板: trends, category mix, SLA, satisfaction, coverage and the assessment ranking of a period, with every table exportable.</summary>
public sealed class IndexModel(ReportsService reports, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public DashboardReport Report { get; private set; } = null!;

    public IReadOnlyList<ChartSpec> Charts => DashboardCharts.From(Report);

    public ReportPeriod Period => ReportPeriodQuery.Parse(From, To, time.GetUtcNow());

    public string ExportQuery => $"from={Period.FirstDay:yyyy-MM-dd}&to={Period.LastDay:yyyy-MM-dd}";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = await reports.DashboardAsync(Period, cancellationToken);

    /// <summary>The whole dashboard as one workbook, or one table (?table=sheet name).</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, CancellationToken cancellationToken)
    {
        Report = await reports.DashboardAsync(Period, cancellationToken);
        var tables = Report.Tables.Where(t => table is null || t.Name == table).ToList();
        if (tables.Count == 0)
        {
            return NotFound();
        }
        var name = table ?? "数据看板";
        return File(ExcelWorkbook.Write(tables), ExcelWorkbook.ContentType, $"{name}_{Period.FirstDay:yyyyMMdd}-{Period.LastDay:yyyyMMdd}.xlsx");
    }
}
