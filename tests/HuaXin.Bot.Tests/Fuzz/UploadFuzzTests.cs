using System.Net;
using System.Net.Http.Headers;
using System.Text;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using HuaXin.Bot.Tests.StaffConsole;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tests.Fuzz;

/// <summary>Finding 8 and the upload parts of 17: the console's upload endpoints (roster, knowledge documents) fed
/// decompression bombs, oversized and damaged spreadsheets, duplicated headers, over-long values and unusable file names
/// over HTTP as an admin posts them. Every one is refused with a 4xx and a reason, and nothing is imported.</summary>
public sealed class UploadFuzzTests : IAsyncLifetime
{
    private readonly TempDirectory _docs = new();
    private readonly ConsoleAppFactory _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        // Uploads land here, not in the repository's knowledge folder.
        _app.Live.Set("Knowledge:DocsPath", _docs.Path);
        _admin = await _app.SignedInAsync("admin");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        _docs.Dispose();
        return Task.CompletedTask;
    }

    private static readonly string[] Header = ["工号", "姓名", "单位/车间", "电话"];

    private Task<int> WorkersAsync() => _app.QueryAsync(db => db.Set<Worker>().CountAsync());

    private async Task<(HttpStatusCode Status, string Page)> UploadRosterAsync(byte[] file, string fileName)
    {
        var token = await TokenAsync("/console/reports/roster");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "workers", fileName },
        };
        using var response = await _admin.PostAsync("/console/reports/roster", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<string> TokenAsync(string page)
    {
        var html = await _admin.GetStringAsync(page);
        return System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <param name="reason">A pattern of what the page must say.</param>
    private async Task AssertRefusedAsync(byte[] file, string fileName, string reason)
    {
        var before = await WorkersAsync();
        var (status, page) = await UploadRosterAsync(file, fileName);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches(reason, page);
        Assert.Equal(before, await WorkersAsync());
    }

    [Fact]
    public async Task A_roster_that_unpacks_to_hundreds_of_megabytes_is_refused_unread()
    {
        // 210 MB of XML whitespace: a few hundred kilobytes as uploaded.
        var bomb = Xlsx.Build(sheet =>
        {
            sheet.Write(Xlsx.Row(1, Header));
            var megabyte = new string(' ', 1024 * 1024);
            for (var i = 0; i < 210; i++)
            {
                sheet.Write(megabyte);
            }
            sheet.Write(Xlsx.Row(2, "A001", "张一", "一车间", "13805310001"));
        });
        Assert.True(bomb.Length < 2 * 1024 * 1024);

        await AssertRefusedAsync(bomb, "workers.xlsx", "解压后超过");
    }

    [Fact]
    public async Task A_roster_of_more_rows_than_any_roster_has_is_refused()
    {
        var huge = Xlsx.Build(sheet =>
        {
            sheet.Write(Xlsx.Row(1, Header));
            for (var n = 2; n <= 100_003; n++)
            {
                sheet.Write(Xlsx.Row(n, $"W{n}", "张", "一车间"));
            }
        });

        await AssertRefusedAsync(huge, "workers.xlsx", "超过 100000 行");
    }

    [Fact]
    public async Task A_damaged_workbook_a_duplicated_header_and_over_long_values_are_refused_with_their_reason()
    {
        var dangling = Xlsx.Build(sheet =>
        {
            // Shared string 7 of a list of one, in the header and in a row.
            sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>姓名</t></is></c></row>");
            sheet.Write("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>7</v></c><c r=\"B2\" t=\"s\"><v>0</v></c></row>");
        }, "张一");
        var twice = Xlsx.Build(sheet =>
        {
            sheet.Write(Xlsx.Row(1, "工号", "姓名", "单位/车间", "电话", "电话"));
            sheet.Write(Xlsx.Row(2, "A001", "张一", "一车间", "13805310001", "13805310002"));
        });
        var tooLong = Xlsx.Build(sheet =>
        {
            sheet.Write(Xlsx.Row(1, Header));
            sheet.Write(Xlsx.Row(2, new string('9', 65), "张一", "一车间", "13805310001"));
        });

        // The reader may fail on it or read the cell as empty; either way a reason, not a 500.
        await AssertRefusedAsync(dangling, "workers.xlsx", "无法读取 Excel 文件|缺少此列|必填项为空");
        await AssertRefusedAsync(twice, "workers.xlsx", "表头“电话”出现了不止一次");
        await AssertRefusedAsync(Encoding.UTF8.GetBytes("工号,姓名,单位/车间,姓名\nA001,张一,一车间,张二\n"), "workers.csv", "表头“姓名”出现了不止一次");
        await AssertRefusedAsync(tooLong, "workers.xlsx", "内容过长，最多 64 个字");
        await AssertRefusedAsync(Xlsx.Build(_ => { }), "workers.xlsx", "缺少此列");
    }

    [Fact]
    public async Task Damaged_packages_never_fail_the_server_and_change_nothing_when_refused()
    {
        var valid = Xlsx.Build(sheet =>
        {
            sheet.Write(Xlsx.Row(1, Header));
            sheet.Write(Xlsx.Row(2, "F001", "张一", "一车间", "13805310001"));
        });
        // Seeded, so a failure names the same files again.
        var cases = Enumerable.Range(0, 12).Select(seed =>
        {
            var random = new Random(seed);
            var bytes = (byte[])valid.Clone();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }
            return random.Next(4) == 0 ? bytes[..random.Next(bytes.Length)] : bytes;
        });

        foreach (var file in cases)
        {
            var before = await WorkersAsync();
            var (status, _) = await UploadRosterAsync(file, "workers.xlsx");
            Assert.True((int)status < 500, $"{status}");
            if (status != HttpStatusCode.OK)
            {
                Assert.Equal(before, await WorkersAsync());
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_document_whose_name_no_file_system_takes_is_refused(bool nul)
    {
        var name = nul ? "帮扶\0办法.md" : new string('长', 100) + ".md";
        var token = await TokenAsync("/console/knowledge");
        // By hand: a NUL in the file name is legal in a multipart body, and HttpClient would not write one.
        var boundary = "----huaxin" + Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n" +
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/markdown\r\n\r\n# 第一条\n帮扶内容。\r\n" +
            $"--{boundary}--\r\n");
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");

        using var response = await _admin.PostAsync("/console/knowledge?handler=Upload", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("文件名太长或含有不可用的字符", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(Directory.GetFiles(_docs.Path));
    }
}
