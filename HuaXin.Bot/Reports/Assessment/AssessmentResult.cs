using HuaXin.Bot.Reports.Metrics;

namespace HuaXin.Bot.Reports.Assessment;

/// <summary>One unit's score sheet: each item's value, weight and points, so the unit can check its own score.</summary>
public sealed record UnitScore(string Unit, IReadOnlyList<ItemScore> Items, double Total, string Grade, int Rank);

/// <param name="Value">The measured rate, with its counts.</param>
/// <param name="Rule">How the points follow from the value, in words (e.g. "比例×20" or "无数据，按满分计").</param>
public sealed record ItemScore(string Name, Rate Value, double Weight, double Points, string Rule);

/// <summary>The ranking of a period with the units to praise and to criticise (第十六条).</summary>
public sealed record AssessmentResult(ReportPeriod Period, IReadOnlyList<UnitScore> Units, IReadOnlyList<string> Praised, IReadOnlyList<string> Criticised);
