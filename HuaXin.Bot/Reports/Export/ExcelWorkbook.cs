using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace HuaXin.Bot.Reports.Export;

/// <summary>Writes report tables as one .xlsx sheet each (MiniExcel), with columns as wide as their text and instants
/// shown with their time.</summary>
public static class ExcelWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm";
    public const string DateFormat = "yyyy-MM-dd";
    private const double MinWidth = 8;
    private const double MaxWidth = 60;

    public static byte[] Write(IEnumerable<ReportTable> tables)
    {
        var sheets = new Dictionary<string, object>();
        var list = tables.ToList();
        foreach (var table in list)
        {
            sheets[UniqueName(table.Name, sheets)] = ToDataTable(table);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { DynamicColumns = Columns(list) });
        return stream.ToArray();
    }

    /// <summary>Width and format per column name (MiniExcel matches columns by name across sheets, so the widest use wins).</summary>
    private static DynamicExcelColumn[] Columns(IReadOnlyList<ReportTable> tables)
    {
        var widths = new Dictionary<string, double>();
        var formats = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var name = table.Columns[c];
                var cells = table.Rows.Select(r => r[c]).ToList();
                var width = cells.Select(Width).Append(TextWidth(name)).Max() + 2;
                widths[name] = Math.Max(widths.GetValueOrDefault(name), Math.Clamp(width, MinWidth, MaxWidth));
                if (cells.Any(v => v is DateTimeOffset or DateTime))
                {
                    formats[name] = DateTimeFormat;
                }
                else if (cells.Any(v => v is DateOnly) && !formats.ContainsKey(name))
                {
                    formats[name] = DateFormat;
                }
            }
        }
        return widths.Select(w => new DynamicExcelColumn(w.Key) { Width = w.Value, Format = formats.GetValueOrDefault(w.Key) }).ToArray();
    }

    private static double Width(object? value) => value switch
    {
        null => 0,
        DateTimeOffset or DateTime => DateTimeFormat.Length,
        DateOnly => DateFormat.Length,
        _ => TextWidth(CellText.Format(value)),
    };

    /// <summary>Excel column width in characters: a Chinese character takes about two.</summary>
    private static double TextWidth(string text) => text.Split('\n').Max(line => line.Sum(c => c > 0x2E7F ? 2.0 : 1.1));

    // A DataTable keeps the header row even when a table has no rows, and typed columns keep numbers numeric in Excel.
    private static DataTable ToDataTable(ReportTable table)
    {
        var data = new DataTable(table.Name);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var type = table.Rows.Select(r => r[c]).FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string);
            data.Columns.Add(table.Columns[c], type == typeof(DateTimeOffset) || type == typeof(DateOnly) ? typeof(DateTime) : type);
        }
        foreach (var row in table.Rows)
        {
            data.Rows.Add(row.Select(v => v switch
            {
                null => DBNull.Value,
                // Excel has no offsets: instants are written as China time, which is what the units read.
                DateTimeOffset at => at.ToOffset(ReportPeriod.ChinaOffset).DateTime,
                DateOnly day => day.ToDateTime(TimeOnly.MinValue),
                _ => v,
            }).ToArray());
        }
        return data;
    }

    private static string UniqueName(string name, Dictionary<string, object> sheets)
    {
        var candidate = name.Length > 31 ? name[..31] : name;
        for (var i = 2; sheets.ContainsKey(candidate); i++)
        {
            candidate = $"{(name.Length > 28 ? name[..28] : name)}({i})";
        }
        return candidate;
    }
}
