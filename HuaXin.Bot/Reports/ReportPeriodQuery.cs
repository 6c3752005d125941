namespace HuaXin.Bot.Reports;

/// <summary>Reads a report page's period from its query: first and last day (inclusive, China time), or the current quarter.</summary>
public static class ReportPeriodQuery
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);
    private const int MaxDays = 5 * 366;

    /// <summary>What is wrong with a page's period query, or null: dates the service's records can be in (2000–2099) and a
    /// span a report can be drawn for. Out of range, the period arithmetic itself would overflow.</summary>
    public static string? Problem(DateOnly? from, DateOnly? to, int? year, int? quarter)
    {
        if (new[] { from, to }.Any(d => d < Earliest || d > Latest) || year is < 2000 or > 2099)
        {
            return "日期超出范围：请选择 2000 年至 2099 年之间的日期。";
        }
        if (quarter is < 1 or > 4)
        {
            return "季度只能是 1 至 4。";
        }
        if (from is { } f && to is { } t && Math.Abs(t.DayNumber - f.DayNumber) > MaxDays)
        {
            return "统计区间最长五年，请缩短区间。";
        }
        return null;
    }

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
