using HuaXin.Bot.Families;
using HuaXin.Bot.Reports;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Reports.Metrics;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Reports;

/// <summary>统计报表: the quarter's quantified assessment, item by item per unit, with the hot-issue reports and archive exports.</summary>
public sealed class IndexModel(ReportsService reports, ServiceArchive archive, FamilyAccess access, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    public ReportPeriod Period => ReportPeriodQuery.Quarter(Year, Quarter, time.GetUtcNow());

    public string ExportQuery => $"year={Period.FirstDay.Year}&quarter={Period.QuarterNumber}";

    public AssessmentResult Assessment { get; private set; } = null!;

    /// <summary>Each unit's 走访, 慰问, 帮扶救助 and 志愿服务 of the quarter, counted beside its tickets.</summary>
    public IReadOnlyDictionary<string, RecordMetrics> Records { get; private set; } = new Dictionary<string, RecordMetrics>();

    public IReadOnlyList<ReportTable> Tables => [ReportTables.Ranking(Assessment), ReportTables.ScoreSheet(Assessment), ReportTables.Records(Records.Values)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetExportAsync(string? table, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var tables = Tables.Where(t => table is null || t.Name == table).ToList();
        return tables.Count == 0
            ? NotFound()
            : File(ExcelWorkbook.Write(tables), ExcelWorkbook.ContentType, $"{table ?? "量化考核"}_{Period.FirstDay.Year}Q{Period.QuarterNumber}.xlsx");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var (assessment, records) = await reports.AssessWithRecordsAsync(Period, cancellationToken);
        Assessment = assessment;
        Records = records.ToDictionary(r => r.Unit);
    }

    /// <summary>The service archive (一户一档) of one unit, or of all units: the families the staff member may read on the
    /// archive pages (admins all), with what those pages hide hidden here too.</summary>
    public async Task<IActionResult> OnGetArchiveAsync(string? unit, CancellationToken cancellationToken)
    {
        var staff = User.ToStaffMember()!;
        var rosterStaffId = await access.RosterStaffIdAsync(staff, cancellationToken);
        var archives = (await archive.ForUnitAsync(string.IsNullOrEmpty(unit) ? null : unit, cancellationToken)).Where(f => access.MayRead(staff, f, rosterStaffId)).ToList();
        return File(ExcelWorkbook.Write(ArchiveTables.From(archives, staff)), ExcelWorkbook.ContentType, $"服务档案_{(string.IsNullOrEmpty(unit) ? "全部单位" : unit)}.xlsx");
    }
}
