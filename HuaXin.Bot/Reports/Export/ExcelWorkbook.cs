using System.Data;
using MiniExcelLibs;

namespace HuaXin.Bot.Reports.Export;

/// <summary>Writes report tables as one .xlsx sheet each (MiniExcel).</summary>
public static class ExcelWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IEnumerable<ReportTable> tables)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var table in tables)
        {
            sheets[UniqueName(table.Name, sheets)] = ToDataTable(table);
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    // A DataTable keeps the header row even when a table has no rows, and typed columns keep numbers numeric in Excel.
    private static DataTable ToDataTable(ReportTable table)
    {
        var data = new DataTable(table.Name);
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var type = table.Rows.Select(r => r[c]).FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string);
            data.Columns.Add(table.Columns[c], type == typeof(DateTimeOffset) ? typeof(DateTime) : type);
        }
        foreach (var row in table.Rows)
        {
            data.Rows.Add(row.Select(v => v switch
            {
                null => DBNull.Value,
                // Excel has no offsets: dates are written as China time, which is what the units read.
                DateTimeOffset at => at.ToOffset(ReportPeriod.ChinaOffset).DateTime,
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
