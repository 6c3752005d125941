using System.Net;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>Finding 3 and 10 of the attack run: what staff of other departments read over HTTP. Full mobile numbers only
/// for the department that owns a ticket, however the family wrote the number; exports scoped like the pages.</summary>
public sealed class PhoneVisibilityTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    // The same number as a family types it: with +86, grouped, and in full-width digits.
    private const string Said = "我妈住院了，请打 +86 138-0531-2266 或（+86）１３９ ０５３１ ７７８８ 联系我";
    private static readonly string[] Digits = ["13805312266", "13905317788"];

    private async Task<string> TicketAsync()
    {
        await app.SeedFamilyAsync();
        var created = await app.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", "集团工会", "test", "web-mum", "王秀英",
            new Dictionary<string, string> { ["phone"] = "13805312266", ["description"] = Said }, Said, false, TimeSpan.FromHours(4)), default);
        return created.Number;
    }

    private static void AssertNoFullNumber(string page)
    {
        foreach (var digits in Digits)
        {
            Assert.DoesNotContain(digits, page);
        }
        Assert.DoesNotContain("138-0531-2266", page);
        Assert.DoesNotContain("１３９ ０５３１ ７７８８", page);
    }

    [Fact]
    public async Task An_admin_of_another_department_reads_the_ticket_s_own_words_with_numbers_masked()
    {
        var number = await TicketAsync();

        var asAdmin = await (await app.SignedInAsync("admin")).GetStringAsync($"/console/tickets/{number}");
        var asOwner = await (await app.SignedInAsync("union")).GetStringAsync($"/console/tickets/{number}");

        AssertNoFullNumber(asAdmin);
        Assert.Contains("138****2266", asAdmin);
        Assert.Contains("139****7788", asAdmin);
        Assert.Contains("13805312266", asOwner);
        Assert.Contains("138-0531-2266", asOwner);
    }

    [Fact]
    public async Task The_hot_issue_report_quotes_requests_with_numbers_masked_for_every_reader()
    {
        await TicketAsync();

        var page = await (await app.SignedInAsync("union")).GetStringAsync("/console/reports/hotissues?unit=" + Uri.EscapeDataString("一车间"));

        Assert.Contains("我妈住院了", page);
        AssertNoFullNumber(page);
    }

    [Fact]
    public async Task The_archive_export_holds_only_the_families_a_staff_member_may_read_and_masks_their_phones()
    {
        var number = await TicketAsync();

        var logistics = await Sheets(await app.SignedInAsync("logistics"));
        var union = await Sheets(await app.SignedInAsync("union"));
        var admin = await Sheets(await app.SignedInAsync("admin"));

        // 后勤 never served the family (no test here gives it a request of HX1001): nothing of it, as on /console/families.
        Assert.DoesNotContain(logistics["服务家庭"], r => (string?)r["工号"] == "HX1001");
        Assert.DoesNotContain(logistics["服务记录"], r => (string?)r["编号"] == number);
        // 工会 served it: the family, masked phones, its own records.
        var family = Assert.Single(union["服务家庭"], r => (string?)r["工号"] == "HX1001");
        Assert.Equal("139****9876", family["电话"]);
        Assert.Equal("137****0001", Assert.Single(union["家庭成员"], r => (string?)r["工号"] == "HX1001")["电话"]);
        Assert.Contains(union["服务记录"], r => (string?)r["编号"] == number);
        // Admins keep the whole archive.
        Assert.Equal("13905319876", Assert.Single(admin["服务家庭"], r => (string?)r["工号"] == "HX1001")["电话"]);
    }

    [Fact]
    public async Task Another_department_s_records_in_an_export_say_they_are_that_department_s()
    {
        // A family of its own (the fixture's is shared with the tests above), served by both departments.
        await app.QueryAsync(async db =>
        {
            var worker = new Worker { StaffId = "HX2002", Name = "刘大山", Unit = "二车间", Phone = "13605310002", RegisteredAt = DateTimeOffset.UtcNow };
            db.Add(worker);
            await db.SaveChangesAsync();
            db.Add(new FamilyLink { Channel = "test", UserId = "web-liu", WorkerId = worker.Id, LinkedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var store = app.Services.GetRequiredService<IServiceRequestStore>();
        await store.CreateAsync(new NewServiceRequest("medical", "集团工会", "test", "web-liu", "刘", new Dictionary<string, string>(), "住院了", false, TimeSpan.FromHours(4)), default);
        var created = await store.CreateAsync(new NewServiceRequest(
            "home_repair", "后勤管理中心", "test", "web-liu", "刘", new Dictionary<string, string>(), "家里水管坏了", false, TimeSpan.FromHours(4)), default);
        var logisticsClient = await app.SignedInAsync("logistics");
        await StaffConsoleForms.ActAsync(logisticsClient, created.Number, "Resolve", "result", "已上门修好，回访电话 13512345678");

        var union = await Sheets(await app.SignedInAsync("union"));

        var row = Assert.Single(union["服务记录"], r => (string?)r["编号"] == created.Number);
        Assert.Equal("办理记录仅该部门可见", row["说明"]);
        Assert.DoesNotContain(union["服务记录"], r => r.Values.OfType<string>().Any(v => v.Contains("13512345678")));
    }

    [Fact]
    public async Task The_supervising_department_s_card_shows_the_family_s_number_masked()
    {
        var number = await app.CreateTicketAsync("集团工会", userId: "u-rate");
        await StaffConsoleForms.ActAsync(await app.SignedInAsync("union"), number, "Resolve", "result", "已安排陪护");
        await app.Services.GetRequiredService<ITurnHandler>().HandleAsync(
            new InboundTurn("test", "c-rate", "u-rate", null, $"评价 {number} 不满意 太慢了", null, "zh-CN", DateTimeOffset.UtcNow), default);

        var toSupervisor = Assert.Single(await app.OutboxAsync(number), m => m.Address == "group:admin" && m.MessageJson.Contains("督办"));

        Assert.DoesNotContain("13805312266", toSupervisor.MessageJson);
        Assert.Contains("138****2266", toSupervisor.MessageJson);
    }

    private static async Task<Dictionary<string, List<IDictionary<string, object?>>>> Sheets(HttpClient client)
    {
        using var response = await client.GetAsync("/console/reports?handler=Archive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new[] { "服务家庭", "家庭成员", "服务记录" }.ToDictionary(s => s, s =>
        {
            using var xlsx = new MemoryStream(bytes);
            return MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: s).Cast<IDictionary<string, object?>>().ToList();
        });
    }
}

/// <summary>The ticket page's action forms, posted as a browser does.</summary>
internal static class StaffConsoleForms
{
    public static Task<HttpResponseMessage> ActAsync(HttpClient client, string number, string handler, string field, string text) =>
        ConsoleAppFactory.PostFormAsync(client, $"/console/tickets/{number}", $"/console/tickets/{number}?handler={handler}", new() { [field] = text });
}
