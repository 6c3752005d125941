using HuaXin.Bot.Reports;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Reports;

/// <summary>统计报表: the quarter's quantified assessment, item by item per unit, with the hot-issue reports and archive exports.</summary>
public sealed class IndexModel(ReportsService reports, ServiceArchive archive, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    public ReportPeriod Period => ReportPeriodQuery.Quarter(Year, Quarter, time.GetUtcNow());

    public string ExportQuery => $"year={Period.FirstDay.Year}&quarter={Period.QuarterNumber}";

    public AssessmentResult Assessment { get; private set; } = null!;

    public IReadOnlyList<ReportTable> Tables => [ReportTables.Ranking(Assessment), ReportTables.ScoreSheet(Assessment)];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Assessment = await reports.AssessAsync(Period, cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? table, CancellationToken cancellationToken)
    {
        Assessment = await reports.AssessAsync(Period, cancellationToken);
        var tables = Tables.Where(t => table is null || t.Name == table).ToList();
        return tables.Count == 0
            ? NotFound()
            : File(ExcelWorkbook.Write(tables), ExcelWorkbook.ContentType, $"{table ?? "量化考核"}_{Period.FirstDay.Year}Q{Period.QuarterNumber}.xlsx");
    }

    /// <summary>The service archive (一户一档) of one unit, or of all units: the families the staff member may read on the
    /// archive pages (admins all), with what those pages hide hidden here too.</summary>
    public async Task<IActionResult> OnGetArchiveAsync(string? unit, CancellationToken cancellationToken)
    {
        var staff = User.ToStaffMember()!;
        var archives = (await archive.ForUnitAsync(string.IsNullOrEmpty(unit) ? null : unit, cancellationToken)).Where(staff.MayRead).ToList();
        return File(ExcelWorkbook.Write(ArchiveTables.From(archives, staff)), ExcelWorkbook.ContentType, $"服务档案_{(string.IsNullOrEmpty(unit) ? "全部单位" : unit)}.xlsx");
    }
}
