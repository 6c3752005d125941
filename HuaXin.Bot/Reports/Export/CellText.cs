using System.Globalization;

namespace HuaXin.Bot.Reports.Export;

/// <summary>How a table cell reads on a page: dates in China time, numbers without trailing zeros, empty for no data.</summary>
public static class CellText
{
    public static string Format(object? value) => value switch
    {
        null => "—",
        DateTimeOffset at => at.ToOffset(ReportPeriod.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
