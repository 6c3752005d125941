using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tests.Knowledge;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>The report and knowledge pages over HTTP(S) in the real host: who may open them, roster upload, archive export
/// and a knowledge upload that answers right after.</summary>
public sealed partial class ReportPagesTests : IDisposable
{
    private const string Password = "报表-测试-密码";
    private readonly ReportPagesHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Sign_in_is_needed_and_upkeep_pages_are_for_admins_only()
    {
        var anonymous = Client();
        Assert.StartsWith("/console/login", (await anonymous.GetAsync("/console/dashboard")).Headers.Location?.OriginalString);

        var staff = await SignedInAsync("staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/console/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/console/reports")).StatusCode);
        foreach (var adminOnly in new[] { "/console/knowledge", "/console/reports/roster" })
        {
            Assert.StartsWith("/console/denied", (await staff.GetAsync(adminOnly)).Headers.Location?.OriginalString);
        }
    }

    [Fact]
    public async Task An_admin_uploads_a_roster_and_downloads_the_unit_s_archive()
    {
        var admin = await SignedInAsync("admin");

        var bad = await UploadRosterAsync(admin, "工号,姓名,单位/车间,电话\nA001,张一,一车间,123\n", HttpStatusCode.BadRequest);
        Assert.Contains("未导入", bad);
        Assert.Contains("电话号码格式不正确：123", bad);

        var good = await UploadRosterAsync(admin, "工号,姓名,单位/车间,电话\nA001,张一,一车间,13805310001\nB001,李一,二车间,\n");
        Assert.Contains("导入完成：新增职工 2 人", good);

        var response = await admin.GetAsync("/console/reports?handler=Archive&unit=" + Uri.EscapeDataString("一车间"));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var xlsx = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var families = MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "服务家庭").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(("A001", "张一", "13805310001"), ((string)families.Single()["工号"]!, (string)families.Single()["职工姓名"]!, (string)families.Single()["电话"]!));
    }

    [Fact]
    public async Task A_document_uploaded_on_the_knowledge_page_answers_right_after()
    {
        var admin = await SignedInAsync("admin");
        var token = await TokenAsync(admin, "/console/knowledge");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(KnowledgeFixture.Hardship)), "file", "hardship.md" },
        };

        var response = await admin.PostAsync("/console/knowledge?handler=Upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("已上传 hardship.md 并完成索引", await admin.GetStringAsync("/console/knowledge"));
        var answer = await _host.Services.GetRequiredService<IKnowledgeService>().AskAsync("一次性救助的标准是多少", "worker", default);
        Assert.True(answer.Answered);
    }

    private HttpClient Client() =>
        // https: the console's cookies are __Host- and Secure.
        _host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Client();
        var token = await TokenAsync(client, "/console/login");
        var response = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = userName, ["password"] = Password, ["returnUrl"] = "/console/dashboard",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> UploadRosterAsync(HttpClient client, string csv, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var token = await TokenAsync(client, "/console/reports/roster");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "workers", "workers.csv" },
        };
        var response = await client.PostAsync("/console/reports/roster", form);
        Assert.Equal(expected, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> TokenAsync(HttpClient client, string page) =>
        Token().Match(await client.GetStringAsync(page)).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>The real host in memory over a fresh database and docs folder, with an admin and a staff account.</summary>
    private sealed class ReportPagesHost : TestAppFactory
    {
        private readonly TempDirectory _dir = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Directory.CreateDirectory(_dir.File("docs"));
            builder.UseSetting("Knowledge:DocsPath", _dir.File("docs"));
            builder.UseSetting("Knowledge:Watch", "false");
            var hash = ConsoleAccounts.Hash(Password);
            foreach (var (i, user, role) in new[] { (0, "admin", "Admin"), (1, "staff", "Staff") })
            {
                builder.UseSetting($"Console:Accounts:{i}:UserName", user);
                builder.UseSetting($"Console:Accounts:{i}:PasswordHash", hash);
                builder.UseSetting($"Console:Accounts:{i}:Name", user);
                builder.UseSetting($"Console:Accounts:{i}:Department", "党委工作部");
                builder.UseSetting($"Console:Accounts:{i}:Role", role);
            }
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            _dir.Dispose();
        }
    }
}
