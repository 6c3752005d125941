using System.Globalization;
using HuaXin.Bot.Reports.Metrics;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Reports.Assessment;

/// <summary>Scores every unit with registered families by the configured items, grades it and ranks the units.</summary>
/// <remarks>An item with nothing to measure (e.g. no rated requests) scores its full weight: the 办法 deducts for late,
/// unsatisfying or unvisited items, and a unit without any has none. Complaints (第八条) and bonus points (第十条) are
/// not in the system's records and are not scored.</remarks>
public sealed class AssessmentCalculator(MetricsCalculator metrics, RecordMetricsCalculator records, IOptions<AssessmentOptions> options)
{
    public AssessmentResult Assess(ReportData data)
    {
        var settings = options.Value;
        var byUnit = metrics.ByUnit(data).ToDictionary(m => m.Group);
        var coverage = metrics.Coverage(data).ToDictionary(c => c.Unit);
        var byUnitRecords = records.ByUnit(data).ToDictionary(r => r.Unit);
        var grades = settings.Grades.OrderByDescending(g => g.MinScore).ToList();

        var scored = coverage.Keys
            .Select(unit =>
            {
                var unitMetrics = byUnit.GetValueOrDefault(unit);
                var items = settings.Items.Select(item => Score(item, Value(item, unitMetrics, coverage[unit], byUnitRecords[unit]))).ToList();
                var total = Math.Round(items.Sum(i => i.Points), 2);
                return (Unit: unit, Items: items, Total: total, Grade: grades.FirstOrDefault(g => total >= g.MinScore)?.Name ?? grades.LastOrDefault()?.Name ?? "");
            })
            .OrderByDescending(u => u.Total).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();
        // Equal totals share a rank (1, 2, 2, 4).
        var units = scored.Select((u, i) => new UnitScore(u.Unit, u.Items, u.Total, u.Grade, 1 + scored.Count(o => o.Total > u.Total))).ToList();

        // With few units, each list holds at most half of them, so no unit is both praised and criticised
        // (three units: the first is praised, the last criticised).
        var half = units.Count / 2;
        var praised = units.Take(Math.Min(settings.Praised, half)).Select(u => u.Unit).ToList();
        var criticised = units.AsEnumerable().Reverse().Take(Math.Min(settings.Criticised, half)).Select(u => u.Unit).ToList();
        return new AssessmentResult(data.Period, units, praised, criticised);
    }

    private static Rate Value(AssessmentItemOptions item, ServiceMetrics? unit, Coverage coverage, RecordMetrics records) => item.Metric switch
    {
        AssessmentMetric.Coverage => coverage.Rate,
        AssessmentMetric.Visits => records.VisitedAsRequired,
        AssessmentMetric.Condolences => records.Condoled,
        AssessmentMetric.AidInTime => records.AidDecidedInTime,
        // Whole hours against the target for the unit's families; above the target still scores the full weight.
        AssessmentMetric.VolunteerHours => new Rate((int)Math.Round(records.VolunteerHours), (int)Math.Ceiling(item.Target * records.Families)),
        AssessmentMetric.AcceptedInTime => unit?.AcceptedInTime ?? default,
        AssessmentMetric.ResolvedInTime => unit?.ResolvedInTime ?? default,
        AssessmentMetric.Satisfaction => unit?.Satisfied ?? default,
        AssessmentMetric.FollowUp => unit?.FollowedUp ?? default,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Metric, null),
    };

    private static ItemScore Score(AssessmentItemOptions item, Rate value)
    {
        var name = item.Name ?? AssessmentDefaults.NameOf(item.Metric);
        var weight = Format(item.Weight);
        if (value.Value is not { } measured)
        {
            return new ItemScore(name, value, item.Weight, item.Weight, "无应考核事项，按满分计");
        }
        var rate = Math.Min(1, measured);
        return item.Scoring switch
        {
            AssessmentScoring.DeductPerPoint => new ItemScore(name, value, item.Weight,
                Math.Round(Math.Max(0, item.Weight - (100 - rate * 100) * item.DeductionPerPoint), 2),
                $"满分{weight}，每低1个百分点扣{Format(item.DeductionPerPoint)}分"),
            _ when item.Metric == AssessmentMetric.VolunteerHours => new ItemScore(name, value, item.Weight, Math.Round(rate * item.Weight, 2),
                $"时长÷目标（每户{Format(item.Target)}小时）×{weight}，封顶"),
            _ => new ItemScore(name, value, item.Weight, Math.Round(rate * item.Weight, 2), $"比例×{weight}"),
        };
    }

    private static string Format(double number) => number.ToString("0.##", CultureInfo.InvariantCulture);
}
