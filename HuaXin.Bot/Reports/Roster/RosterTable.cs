using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace HuaXin.Bot.Reports.Roster;

/// <summary>A spreadsheet read as header → cell text, with the row numbers a person sees (the header is row 1).</summary>
public sealed record RosterTable(IReadOnlyList<string> Headers, IReadOnlyList<RosterRow> Rows)
{
    /// <summary>Reads .xlsx with MiniExcel or .csv (UTF-8, with or without BOM) with CsvHelper, chosen by the file name.</summary>
    public static RosterTable Read(Stream stream, string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(stream),
            ".csv" => ReadCsv(stream),
            var other => throw new RosterFormatException($"不支持的文件类型“{other}”，请上传 .xlsx 或 .csv 文件。"),
        };

    public static RosterTable Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    private static RosterTable ReadXlsx(Stream stream)
    {
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new RosterFormatException($"无法读取 Excel 文件：{e.Message}");
        }
        var headers = rows.FirstOrDefault()?.Keys.Select(h => h.Trim()).ToList() ?? [];
        // MiniExcel skips no rows, so the n-th data row is spreadsheet row n + 1; fully empty rows are dropped here.
        return new RosterTable(headers, rows
            .Select((r, i) => new RosterRow(i + 2, r.ToDictionary(c => c.Key.Trim(), c => Cell(c.Value))))
            .Where(r => r.Cells.Values.Any(v => v is not null))
            .ToList());
    }

    private static RosterTable ReadCsv(Stream stream)
    {
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true });
        var rows = new List<RosterRow>();
        try
        {
            // Excel's "CSV UTF-8" starts with a byte order mark; it must not become part of the first header.
            var headers = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
            while (csv.Read())
            {
                var cells = new Dictionary<string, string?>();
                for (var i = 0; i < headers.Count; i++)
                {
                    cells.TryAdd(headers[i], i < csv.FieldCount ? Cell(csv.GetString(i)) : null);
                }
                if (cells.Values.Any(v => v is not null))
                {
                    rows.Add(new RosterRow((int)csv.LineNumber, cells));
                }
            }
            return new RosterTable(headers, rows);
        }
        catch (CsvFormatException e)
        {
            throw new RosterFormatException($"无法读取 CSV 文件：{e.Message}");
        }
    }

    // Excel stores 工号 and phone numbers typed as numbers as doubles; "13805312266" must not become "1.3805312266E10".
    private static string? Cell(object? value) => value switch
    {
        null => null,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() is { Length: > 0 } s && s.Trim() is { Length: > 0 } t ? t : null,
    };
}

public sealed record RosterRow(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    /// <summary>The first non-empty cell under any of the column's accepted names.</summary>
    public string? Get(RosterColumn column) =>
        column.Names.Select(n => Cells.GetValueOrDefault(n)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}

public sealed class RosterFormatException(string message) : Exception(message);
