namespace HuaXin.Bot.Reports;

/// <summary>Reads a report page's period from its query: first and last day (inclusive, China time), or the current quarter.</summary>
public static class ReportPeriodQuery
{
    public static ReportPeriod Parse(DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var quarter = ReportPeriod.QuarterOf(now);
        var first = from ?? quarter.FirstDay;
        var last = to ?? quarter.LastDay;
        return last < first ? ReportPeriod.Days(last, first) : ReportPeriod.Days(first, last);
    }

    /// <summary>A quarter by year and number, or the current one.</summary>
    public static ReportPeriod Quarter(int? year, int? quarter, DateTimeOffset now) =>
        year is { } y && quarter is >= 1 and <= 4 ? ReportPeriod.Quarter(y, quarter.Value) : ReportPeriod.QuarterOf(now);
}
