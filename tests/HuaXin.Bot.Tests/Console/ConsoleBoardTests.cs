using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using HuaXin.Bot.Data;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using MiniExcelLibs;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>The clerk's board with 250 open tickets of 集团工会 (and a few closed ones and another department's): every
/// ticket reachable through the pages, nearest deadline first, counts per status, search by phone, number or name, and the
/// current list as .xlsx.</summary>
public sealed partial class ConsoleBoardTests(ConsoleBoardTests.Board app) : IClassFixture<ConsoleBoardTests.Board>
{
    public const int OpenTickets = 250;

    /// <summary>One host seeded once: ticket i (1–250) has phone 1390000{i:D4} and its resolution due i hours from now.</summary>
    public sealed class Board : IAsyncLifetime
    {
        public ConsoleAppFactory App { get; } = new();

        public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

        public async Task InitializeAsync()
        {
            var now = Now;
            await App.QueryAsync(async db =>
            {
                for (var i = 1; i <= OpenTickets; i++)
                {
                    db.ServiceRequests.Add(Ticket($"HX-20261101-{i:D4}", "集团工会", RequestStatus.Accepted, $"1390000{i:D4}", now.AddHours(i), i % 7 == 0 ? "孙大娘" : "张大姐"));
                }
                db.ServiceRequests.Add(Ticket("HX-20261101-9001", "集团工会", RequestStatus.Rated, "13700009001", now.AddHours(-5), "已办结的"));
                db.ServiceRequests.Add(Ticket("HX-20261101-9002", "集团工会", RequestStatus.Withdrawn, "13700009002", now.AddHours(-5), "已撤回的"));
                db.ServiceRequests.Add(Ticket("HX-20261101-9003", "后勤管理中心", RequestStatus.Pending, "13700009003", now.AddHours(1), "别的部门"));
                return await db.SaveChangesAsync();
            });
        }

        public async Task DisposeAsync() => await App.DisposeAsync();

        private static ServiceRequest Ticket(string number, string department, string status, string phone, DateTimeOffset due, string requester) => new()
        {
            Number = number, Category = "medical", Department = department, Channel = "test", UserId = $"u-{number}", UserName = requester, RequesterName = requester,
            SlotsJson = $$"""{"phone":"{{phone}}"}""", OriginalText = "我妈住院了", Status = status, CreatedAt = due.AddDays(-3), UpdatedAt = due.AddDays(-3),
            FirstContactDue = due.AddDays(-2), ResolveDue = due, AcceptedAt = status == RequestStatus.Pending ? null : due.AddDays(-3),
        };
    }

    [Fact]
    public async Task Every_open_ticket_is_on_some_page_nearest_deadline_first_and_closed_ones_stay_off_the_default_board()
    {
        var client = await app.App.SignedInAsync("union");

        var first = await client.GetStringAsync("/console/tickets");
        Assert.Contains($"共 {OpenTickets} 条", first);
        Assert.Contains($"未办结 {OpenTickets}", first);
        Assert.Contains("已评价 1", first);
        Assert.Contains("已撤回 1", first);
        Assert.Contains($"全部 {OpenTickets + 2}", first);
        var pages = (OpenTickets + TicketBoard.PageSize - 1) / TicketBoard.PageSize;
        Assert.Contains($"第 1 / {pages} 页", first);

        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var html = page == 1 ? first : await client.GetStringAsync($"/console/tickets?p={page}");
            seen.AddRange(Numbers(html));
        }
        Assert.Equal(OpenTickets, seen.Count);
        Assert.Equal(OpenTickets, seen.Distinct().Count());
        // Ticket i is due i hours from now: the board reads 0001, 0002, … 0250.
        Assert.Equal(Enumerable.Range(1, OpenTickets).Select(i => $"HX-20261101-{i:D4}"), seen);
        Assert.DoesNotContain(seen, n => n is "HX-20261101-9001" or "HX-20261101-9002" or "HX-20261101-9003");

        var all = await client.GetStringAsync($"/console/tickets?status={Uri.EscapeDataString(TicketBoard.AllStatuses)}&p={pages + 1}");
        Assert.Contains("HX-20261101-9001", all);
    }

    [Theory]
    [InlineData("13900000137", "HX-20261101-0137")]
    [InlineData("139 0000 0137", "HX-20261101-0137")]
    [InlineData("hx-20261101-0042", "HX-20261101-0042")]
    public async Task A_ticket_is_found_by_phone_or_number(string query, string expected)
    {
        var client = await app.App.SignedInAsync("union");

        var html = await client.GetStringAsync("/console/tickets?q=" + Uri.EscapeDataString(query));

        Assert.Equal([expected], Numbers(html));
        Assert.Contains("共 1 条", html);
    }

    [Fact]
    public async Task Tickets_are_found_by_the_requesters_name_and_never_from_another_department()
    {
        var client = await app.App.SignedInAsync("union");

        var byName = Numbers(await client.GetStringAsync("/console/tickets?q=" + Uri.EscapeDataString("孙大娘")));
        var otherDepartment = Numbers(await client.GetStringAsync("/console/tickets?q=13700009003"));

        Assert.Equal(OpenTickets / 7, byName.Count);
        Assert.Empty(otherDepartment);
    }

    [Fact]
    public async Task The_current_list_exports_every_row_with_column_widths_and_date_times()
    {
        var client = await app.App.SignedInAsync("union");

        var response = await client.GetAsync("/console/tickets?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        using var xlsx = new MemoryStream(bytes);
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(OpenTickets, rows.Count);
        Assert.Equal("HX-20261101-0001", rows[0]["编号"]);
        Assert.Equal("139****0001", rows[0]["联系电话"]);
        // The instant with its time of day, in China time (ticket 1 was created 3 days before its deadline, 1 hour from seeding).
        var created = Assert.IsType<DateTime>(rows[0]["提交时间"]);
        Assert.Equal(ServiceTime.ToLocal(app.Now.AddHours(1).AddDays(-3)).DateTime, created, TimeSpan.FromSeconds(1));
        Workbook.AssertWidthsAndDateTimes(bytes, columns: 14);
    }

    [Fact]
    public async Task Paging_past_the_end_shows_the_last_page()
    {
        var client = await app.App.SignedInAsync("union");

        var html = await client.GetStringAsync("/console/tickets?p=99");

        Assert.Contains("HX-20261101-0250", html);
    }

    private static List<string> Numbers(string html) => Row().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<tr data-number=\"([^\"]+)\"")]
    private static partial Regex Row();
}

/// <summary>What an exported workbook must look like to open well: every column with a width, instants with their time.</summary>
internal static partial class Workbook
{
    public static void AssertWidthsAndDateTimes(byte[] xlsx, int columns)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var sheet = Read(zip, "xl/worksheets/sheet1.xml");
        var widths = ColumnWidth().Matches(sheet).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(columns, widths.Count);
        Assert.All(widths, w => Assert.InRange(w, 8, 62));
        Assert.Contains("formatCode=\"yyyy-MM-dd HH:mm\"", Read(zip, "xl/styles.xml"));
    }

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex("<x:col [^>]*width=\"([0-9.]+)\"[^>]*customWidth=\"1\"")]
    private static partial Regex ColumnWidth();
}
