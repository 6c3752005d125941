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

    /// <summary>More rows than any unit's roster has (the group employs tens of thousands): a larger file is refused
    /// before it is held in memory.</summary>
    public const int MaxRows = 100_000;

    /// <summary>What an .xlsx may unpack to. Compressed XML shrinks a hundredfold, so a small upload can hold gigabytes;
    /// a roster of <see cref="MaxRows"/> rows unpacks to well under this.</summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private static RosterTable ReadXlsx(Stream stream)
    {
        CheckUnpackedSize(stream);
        stream.Position = 0;
        try
        {
            // Without MiniExcel's header handling: it would pass a duplicated header over silently.
            Dictionary<string, string>? headerOf = null;
            var rows = new List<RosterRow>();
            var number = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            {
                number++;
                if (headerOf is null)
                {
                    headerOf = row.Where(c => Cell(c.Value) is not null).ToDictionary(c => c.Key, c => Cell(c.Value)!);
                    CheckHeaders(headerOf.Values);
                    continue;
                }
                if (number - 1 > MaxRows)
                {
                    throw TooManyRows();
                }
                var cells = headerOf.ToDictionary(h => h.Value, h => row.TryGetValue(h.Key, out var value) ? Cell(value) : null);
                if (cells.Values.Any(v => v is not null))
                {
                    rows.Add(new RosterRow(number, cells));
                }
            }
            return new RosterTable(headerOf?.Values.ToList() ?? [], rows);
        }
        catch (Exception e) when (e is not RosterFormatException and not OperationCanceledException)
        {
            // A damaged workbook (a shared string that does not exist, a cell of an unknown type) fails somewhere inside the reader.
            throw new RosterFormatException($"无法读取 Excel 文件，请用 Excel 重新保存后再上传（{e.GetType().Name}）。");
        }
    }

    /// <summary>Unpacks every part once, counting, and stops at <see cref="MaxUnpackedBytes"/>: the sizes in the zip's
    /// directory are the sender's word, not a fact.</summary>
    private static void CheckUnpackedSize(Stream stream)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    if ((total += read) > MaxUnpackedBytes)
                    {
                        throw new RosterFormatException($"Excel 文件解压后超过 {MaxUnpackedBytes / 1024 / 1024} MB，不像是一份名单，请检查文件。");
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new RosterFormatException("这不是有效的 Excel（.xlsx）文件，请用 Excel 重新保存后再上传。");
        }
    }

    private static void CheckHeaders(IEnumerable<string> headers)
    {
        if (headers.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new RosterFormatException($"表头“{twice.Key}”出现了不止一次，请删去重复的列再上传。");
        }
    }

    private static RosterFormatException TooManyRows() => new($"名单超过 {MaxRows} 行，请按单位拆分后分批上传。");

    private static RosterTable ReadCsv(Stream stream)
    {
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true });
        var rows = new List<RosterRow>();
        try
        {
            // Excel's "CSV UTF-8" starts with a byte order mark; it must not become part of the first header.
            var headers = csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
            CheckHeaders(headers.Where(h => h.Length > 0));
            while (csv.Read())
            {
                if (rows.Count >= MaxRows)
                {
                    throw TooManyRows();
                }
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
