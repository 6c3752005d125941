using HuaXin.Bot.Reports;
using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Reports.HotIssues;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Reports;

/// <summary>A unit's quarterly hot-issue list for the 党支部书记述职, on screen and as .xlsx.</summary>
public sealed class HotIssuesModel(ReportsService reports, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    public ReportPeriod Period => ReportPeriodQuery.Quarter(Year, Quarter, time.GetUtcNow());

    public string ExportQuery => $"unit={Uri.EscapeDataString(Unit ?? "")}&year={Period.FirstDay.Year}&quarter={Period.QuarterNumber}";

    public IReadOnlyList<string> Units { get; private set; } = [];

    public HotIssueReport? Report { get; private set; }

    /// <summary>The print view: the report alone, on paper, for the 述职 (述职评议办法 第八条).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Print { get; set; }

    public string PrintedAt => HuaXin.Bot.Tickets.TicketCards.Local(time.GetUtcNow());

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Units = await reports.UnitsAsync(Period, cancellationToken);
        if (Unit is null || !Units.Contains(Unit))
        {
            Unit = Units.FirstOrDefault();
        }
        if (Unit is not null)
        {
            Report = await reports.HotIssuesAsync(Period, Unit, cancellationToken);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(string? table, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Unit))
        {
            return NotFound();
        }
        var report = await reports.HotIssuesAsync(Period, Unit, cancellationToken);
        var tables = ReportTables.HotIssues(report).Where(t => table is null || t.Name == table).ToList();
        return tables.Count == 0
            ? NotFound()
            : File(ExcelWorkbook.Write(tables), ExcelWorkbook.ContentType, $"热点问题_{Unit}_{Period.FirstDay.Year}Q{Period.QuarterNumber}.xlsx");
    }
}
