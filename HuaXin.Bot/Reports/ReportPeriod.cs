using System.Globalization;

namespace HuaXin.Bot.Reports;

/// <summary>A half-open reporting period [From, To). Quarters and weeks are cut at China Standard Time midnight,
/// because that is when the assessment's quarter ends for the units.</summary>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    // Held in UTC: the bounds go into queries, and Npgsql refuses a timestamptz parameter with any other offset.
    public DateTimeOffset From { get; init; } = From.ToUniversalTime();

    public DateTimeOffset To { get; init; } = To.ToUniversalTime();

    public bool Contains(DateTimeOffset at) => at >= From && at < To;

    public static ReportPeriod Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var from = new DateTimeOffset(year, (quarter - 1) * 3 + 1, 1, 0, 0, 0, ChinaOffset);
        return new ReportPeriod(from, from.AddMonths(3));
    }

    /// <summary>The quarter that contains <paramref name="at"/> (China time).</summary>
    public static ReportPeriod QuarterOf(DateTimeOffset at)
    {
        var local = at.ToOffset(ChinaOffset);
        return Quarter(local.Year, QuarterOfMonth(local.Month));
    }

    /// <summary>Whole days in China time: from the first day's midnight to the midnight after the last day.</summary>
    public static ReportPeriod Days(DateOnly first, DateOnly last) =>
        new(new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), ChinaOffset), new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset));

    public DateOnly FirstDay => DateOnly.FromDateTime(From.ToOffset(ChinaOffset).DateTime);

    /// <summary>1–4: the quarter the period starts in.</summary>
    public int QuarterNumber => QuarterOfMonth(FirstDay.Month);

    public DateOnly LastDay => DateOnly.FromDateTime(To.ToOffset(ChinaOffset).AddTicks(-1).DateTime);

    private static int QuarterOfMonth(int month) => (month - 1) / 3 + 1;

    public override string ToString() =>
        $"{FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 至 {LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
