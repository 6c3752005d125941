using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Xml.Linq;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.Reports;
using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>Issue 19: every .xlsx the console hands out opens with its columns sized and its instants with their time of
/// day, on every sheet; the 述职 hot-issue list prints for one branch and one quarter, and nothing else. Q1 2026, China time:
/// 七车间 (P001) has an open ticket, a home visit and questions, one of them a ticket command; 八车间 (Q001) has its own.</summary>
public sealed class ExportAndPrintTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private static DateTimeOffset China(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, ReportPeriod.ChinaOffset).ToUniversalTime();

    private async Task SeedAsync()
    {
        await app.QueryAsync(async db =>
        {
            if (db.Set<Worker>().Any(w => w.StaffId == "P001"))
            {
                return 0;
            }
            var registered = China(2025, 11, 1, 0, 0);
            var seven = new Worker { StaffId = "P001", Name = "张七", Unit = "七车间", ChannelIdentities = [new(ChannelNames.DingTalk, "dt-p1")], Phone = "13905310007", RegisteredAt = registered };
            var eight = new Worker { StaffId = "Q001", Name = "李八", Unit = "八车间", ChannelIdentities = [new(ChannelNames.DingTalk, "dt-q1")], RegisteredAt = registered };
            db.AddRange(seven, eight);
            await db.SaveChangesAsync();
            db.Add(new ServiceVisit { WorkerId = seven.Id, VisitedAt = China(2026, 2, 15, 10, 20), Mode = VisitModes.Home, Visitors = "刘联络", Findings = "老人身体还好", Department = "集团工会", RecordedBy = "t" });
            db.ServiceRequests.AddRange(
                Ticket("HX-20260210-0001", "dt-p1", China(2026, 2, 10, 9, 30), "家里水管坏了 HX-20260210-0001 请尽快"),
                Ticket("HX-20260211-0001", "dt-q1", China(2026, 2, 11, 14, 5), "八车间的诉求"));
            db.AnswerFeedback.AddRange(
                Feedback("dt-p1", "探亲假怎么休", China(2026, 2, 12, 8, 0)),
                Feedback("dt-p1", "撤回 HX-20260210-0001", China(2026, 2, 12, 9, 0)),
                Feedback("dt-p1", "去年年底的老问题", China(2025, 12, 20, 9, 0)),
                Feedback("dt-q1", "八车间的问题", China(2026, 2, 12, 10, 0)));
            return await db.SaveChangesAsync();
        });
    }

    private static ServiceRequest Ticket(string number, string userId, DateTimeOffset created, string text) => new()
    {
        Number = number, Category = "home_repair", Department = "集团工会", Channel = "dingtalk", UserId = userId, UserName = "家属", SlotsJson = "{}",
        OriginalText = text, Status = RequestStatus.Accepted, CreatedAt = created, UpdatedAt = created.AddHours(1),
        FirstContactDue = created.AddHours(4), ResolveDue = created.AddDays(3), AcceptedAt = created.AddHours(1),
        History =
        [
            new() { Action = "提交", ToStatus = RequestStatus.Pending, Actor = $"dingtalk:{userId}", At = created },
            new() { Action = "受理", ToStatus = RequestStatus.Accepted, Actor = "test:union", ActorName = "王工会", ActorDepartment = "集团工会", At = created.AddHours(1) },
        ],
    };

    private static AnswerFeedbackRow Feedback(string userId, string question, DateTimeOffset at) =>
        new() { Channel = "dingtalk", UserId = userId, Question = question, Helpful = false, CitedDocIds = "", At = at };

    [Theory]
    [InlineData("/console/tickets?handler=Export", 1)]
    [InlineData("/console/reports?handler=Export&year=2026&quarter=1", 0)]
    [InlineData("/console/reports?handler=Archive&unit=七车间", 2)]
    [InlineData("/console/reports/hotissues?handler=Export&unit=七车间&year=2026&quarter=1", 1)]
    [InlineData("/console/dashboard?handler=Export&from=2026-01-01&to=2026-03-31", 0)]
    public async Task Every_export_sizes_every_column_on_every_sheet_and_shows_instants_with_their_time(string url, int leastTimedCells)
    {
        await SeedAsync();
        var admin = await app.SignedInAsync("admin");

        var response = await admin.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelWorkbook.ContentType, response.Content.Headers.ContentType?.MediaType);
        var workbook = XlsxLayout.Read(await response.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(workbook.Sheets);
        Assert.All(workbook.Sheets, sheet =>
        {
            Assert.True(sheet.Headers > 0, $"{sheet.Name}: no header row");
            Assert.All(Enumerable.Range(1, sheet.Headers), column =>
                Assert.True(sheet.Widths.TryGetValue(column, out var width) && width is >= 8 and <= 62, $"{sheet.Name}: column {column} has no width"));
            Assert.All(sheet.DateCells, cell => Assert.True(cell.Format.Contains("HH:mm") || cell.Value == Math.Floor(cell.Value),
                $"{sheet.Name}!{cell.Reference}: an instant with a time of day shown as “{cell.Format}”"));
        });
        // The seeded instants (09:30 submitted, 10:20 visited, …) come out with their time of day.
        Assert.True(workbook.Sheets.Sum(s => s.DateCells.Count(c => c.Format.Contains("HH:mm") && c.Value != Math.Floor(c.Value))) >= leastTimedCells);
    }

    [Fact]
    public async Task The_secretary_report_prints_for_one_branch_and_one_quarter_without_ticket_numbers_or_commands()
    {
        await SeedAsync();
        var admin = await app.SignedInAsync("admin");

        var reports = await admin.GetStringAsync("/console/reports?year=2026&quarter=1");
        Assert.Contains("href=\"/console/reports/hotissues?year=2026&amp;quarter=1\"", reports);
        var screen = await admin.GetStringAsync("/console/reports/hotissues?unit=" + Uri.EscapeDataString("七车间") + "&year=2026&quarter=1");
        Assert.Contains("打印本支部本季度清单", screen);
        var printed = await admin.GetStringAsync("/console/reports/hotissues?print=true&unit=" + Uri.EscapeDataString("七车间") + "&year=2026&quarter=1");

        Assert.Contains("七车间 党支部书记述职", printed);
        Assert.Contains("2026 年第 1 季度", printed);
        Assert.Contains("data-print", printed);
        Assert.DoesNotContain("console-nav", printed);
        Assert.Contains("探亲假怎么休", printed);
        Assert.Contains("家里水管坏了", printed);
        Assert.DoesNotContain("八车间的问题", printed);
        Assert.DoesNotContain("八车间的诉求", printed);
        Assert.DoesNotContain("去年年底的老问题", printed);
        Assert.DoesNotContain("HX-", printed);
        Assert.DoesNotContain("撤回", printed);
    }
}

/// <summary>What a reader of an .xlsx sees of its layout: per sheet the header count, each column's width and every
/// cell shown as a date with its number format.</summary>
internal sealed record XlsxLayout(IReadOnlyList<XlsxLayout.Sheet> Sheets)
{
    public sealed record Sheet(string Name, int Headers, IReadOnlyDictionary<int, double> Widths, IReadOnlyList<DateCell> DateCells);

    public sealed record DateCell(string Reference, double Value, string Format);

    // Excel's built-in date formats (ECMA-376 18.8.30) by id.
    private static readonly Dictionary<int, string> BuiltIn = new() { [14] = "m/d/yyyy", [15] = "d-mmm-yy", [16] = "d-mmm", [17] = "mmm-yy", [22] = "m/d/yyyy h:mm" };

    public static XlsxLayout Read(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var styles = Load(zip, "xl/styles.xml");
        var codes = new Dictionary<int, string>(BuiltIn);
        foreach (var f in styles.Descendants().Where(e => e.Name.LocalName == "numFmt"))
        {
            codes[(int)f.Attribute("numFmtId")!] = (string)f.Attribute("formatCode")!;
        }
        var xfs = styles.Descendants().Single(e => e.Name.LocalName == "cellXfs").Elements()
            .Select(x => codes.GetValueOrDefault((int?)x.Attribute("numFmtId") ?? 0) ?? "").ToList();
        var workbook = Load(zip, "xl/workbook.xml");
        var rels = Load(zip, "xl/_rels/workbook.xml.rels").Descendants().Where(e => e.Name.LocalName == "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var sheets = workbook.Descendants().Where(e => e.Name.LocalName == "sheet").Select(s =>
        {
            var id = s.Attributes().Single(a => a.Name.LocalName == "id").Value;
            var target = rels[id].TrimStart('/');
            var xml = Load(zip, target.StartsWith("xl/") ? target : "xl/" + target);
            var widths = new Dictionary<int, double>();
            foreach (var col in xml.Descendants().Where(e => e.Name.LocalName == "col" && (string?)e.Attribute("customWidth") is "1" or "true"))
            {
                for (var c = (int)col.Attribute("min")!; c <= (int)col.Attribute("max")!; c++)
                {
                    widths[c] = double.Parse((string)col.Attribute("width")!, CultureInfo.InvariantCulture);
                }
            }
            var rows = xml.Descendants().Where(e => e.Name.LocalName == "row").ToList();
            var headers = rows.FirstOrDefault()?.Elements().Count(e => e.Name.LocalName == "c") ?? 0;
            var dates = rows.Skip(1).SelectMany(r => r.Elements().Where(e => e.Name.LocalName == "c"))
                .Where(c => c.Attribute("s") is { } s && IsDate(xfs[(int)s]) && (string?)c.Attribute("t") is null or "n"
                    && c.Elements().FirstOrDefault(v => v.Name.LocalName == "v") is { Value.Length: > 0 })
                .Select(c => new DateCell((string)c.Attribute("r")!, double.Parse(c.Elements().First(v => v.Name.LocalName == "v").Value, CultureInfo.InvariantCulture), xfs[(int)c.Attribute("s")!]))
                .ToList();
            return new Sheet((string)s.Attribute("name")!, headers, widths, dates);
        }).ToList();
        return new XlsxLayout(sheets);
    }

    private static bool IsDate(string format) => format.Contains('y') || format.Contains('d') && format.Contains('m');

    private static XDocument Load(ZipArchive zip, string entry)
    {
        using var stream = zip.GetEntry(entry)?.Open() ?? throw new Xunit.Sdk.XunitException($"no {entry} in the workbook");
        return XDocument.Load(stream);
    }
}
