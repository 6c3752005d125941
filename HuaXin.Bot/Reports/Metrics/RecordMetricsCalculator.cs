using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Families.Tracking;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Reports.Metrics;

/// <summary>Counts each unit's 走访, 慰问, 帮扶救助 and “星火365” services of a period, over the families registered by its end.</summary>
/// <remarks>走访达标率 — families with at least as many 上门走访 in the period as the visiting rule asks (one per interval,
/// the shorter one for 重点服务家庭) ÷ families; 慰问覆盖率 — families with a 慰问 in the period ÷ families; 救助审批及时率 —
/// aid cases applied for in the period and decided (审批, 不予批准 or 初审不通过) by their due time ÷ those decided or past
/// due undecided; volunteer hours — hours of services done (服务日期) in the period.</remarks>
public sealed class RecordMetricsCalculator(IOptions<VisitRuleOptions> rules)
{
    private static readonly string[] Decisions = ["审批", "不予批准", "初审不通过"];

    public IReadOnlyList<RecordMetrics> ByUnit(ReportData data)
    {
        var period = data.Period;
        var records = data.Records;
        var visits = records.Visits.Where(v => period.Contains(v.VisitedAt)).ToLookup(v => v.WorkerId);
        var condolences = records.Condolences.ToLookup(c => c.WorkerId);
        var cases = records.AidCases.ToLookup(a => a.WorkerId);
        var served = records.Volunteering.Where(v => v.ServedOn is { } day && data.Contains(day)).ToLookup(v => v.WorkerId);
        return data.Workers.Where(w => w.RegisteredAt < period.To)
            .GroupBy(w => w.Unit)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var families = g.ToList();
                var unitCases = families.SelectMany(f => cases[f.Id]).ToList();
                var opened = unitCases.Where(a => period.Contains(a.AppliedAt)).ToList();
                var payments = unitCases.SelectMany(a => a.Payments).Where(p => data.Contains(p.PaidOn)).ToList();
                return new RecordMetrics(
                    g.Key,
                    families.Count,
                    families.Sum(f => visits[f.Id].Count()),
                    families.Sum(f => visits[f.Id].Count(v => v.Mode == VisitModes.Home)),
                    Rate.Of(families, f => visits[f.Id].Count(v => v.Mode == VisitModes.Home)
                        >= VisitSchedule.Required(VisitSchedule.IsPriority(f, cases[f.Id], period.To), period.To - period.From, rules.Value)),
                    families.Sum(f => condolences[f.Id].Count()),
                    families.Sum(f => condolences[f.Id].Sum(c => c.Amount ?? 0)),
                    Rate.Of(families, f => condolences[f.Id].Any()),
                    opened.Count,
                    payments.Count,
                    payments.Sum(p => p.Amount),
                    Rate.Of(opened.Where(a => DecidedAt(a) is not null || a.Due < data.AsOf), a => DecidedAt(a) <= a.Due),
                    families.Sum(f => served[f.Id].Count()),
                    families.Sum(f => served[f.Id].Sum(v => v.Hours ?? 0)));
            })
            .ToList();
    }

    public static DateTimeOffset? DecidedAt(AidCase aid) => aid.Steps.Where(s => Decisions.Contains(s.Action)).Select(s => (DateTimeOffset?)s.At).Min();
}
