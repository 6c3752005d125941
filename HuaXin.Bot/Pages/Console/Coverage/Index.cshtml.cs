using HuaXin.Bot.Families.Tracking;
using HuaXin.Bot.Reports;
using HuaXin.Bot.Reports.Tracking;
using HuaXin.Bot.Reports.Dashboard;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Pages.Console.Coverage;

/// <summary>全覆盖 per unit and quarter: families not visited, visits falling due, open aid cases, tickets without follow-up.</summary>
[Authorize(Policy = ConsolePolicies.FamilyService)]
public sealed class IndexModel(ReportsService reports, IOptions<VisitRuleOptions> rules, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }

    public ReportPeriod Period => ReportPeriodQuery.Quarter(Year, Quarter, time.GetUtcNow());
    public IReadOnlyList<string> Units { get; private set; } = [];
    public UnitCoverage? Report { get; private set; }
    public string Rule => rules.Value.Rule;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Units = await reports.UnitsAsync(Period, ct);
        if (Unit is null || !Units.Contains(Unit))
        {
            Unit = Units.FirstOrDefault();
        }
        if (Unit is not null)
        {
            Report = await reports.CoverageAsync(Period, Unit, ct);
        }
    }
}
