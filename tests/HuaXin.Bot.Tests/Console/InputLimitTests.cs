using System.Net;
using System.Net.Http.Json;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>Findings 8, 9 and 17 on the console and chat: every free-text field has a server-side length, a nonsense
/// report period is a 400, and a group-sized roster does not break the family pages or the archive export.</summary>
public sealed class InputLimitTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task A_200000_character_result_is_refused_by_the_console_and_the_chat_and_the_ticket_stays_as_it_was()
    {
        var number = await app.CreateTicketAsync("集团工会");
        var client = await app.SignedInAsync("union");
        var huge = new string('x', 200_000);

        using var console = await StaffConsoleForms.ActAsync(client, number, "Resolve", "result", huge);
        var chat = await app.Services.GetRequiredService<HuaXin.Bot.Dialogs.Abstractions.ITurnHandler>().HandleAsync(
            new("test", "c-union", "union", "王工会", $"办结 {number} {new string('长', Ticket.MaxTextLength + 1)}", null, "zh-CN", DateTimeOffset.UtcNow), default);

        Assert.Equal(HttpStatusCode.BadRequest, console.StatusCode);
        Assert.Contains("内容太长", WebUtility.HtmlDecode(await console.Content.ReadAsStringAsync()));
        Assert.Contains("内容太长", chat.Single().Text);
        var ticket = await app.TicketAsync(number);
        Assert.Equal(RequestStatus.Pending, ticket.Status);
        Assert.Null(ticket.Result);
        Assert.Single(ticket.History);
    }

    [Theory]
    [InlineData("/console/dashboard?from=0001-01-01&to=9999-12-31")]
    [InlineData("/console/dashboard?handler=Export&from=2026-01-01&to=2999-01-01")]
    [InlineData("/console/dashboard?from=1990-01-01&to=2026-01-01")]
    [InlineData("/console/reports?year=9999&quarter=4")]
    [InlineData("/console/reports?year=2026&quarter=5")]
    [InlineData("/console/reports/hotissues?unit=x&year=1&quarter=1")]
    public async Task A_report_period_no_report_can_cover_is_a_400_with_the_reason(string url)
    {
        var client = await app.SignedInAsync("admin");

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("日期超出范围|季度只能是|最长五年", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Finding 9: with the group's whole roster (40,006 workers) the family list and the archive export work.</summary>
public sealed class LargeRosterTests : IDisposable
{
    private const int Workers = 40_006;
    private readonly ConsoleAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task The_family_list_and_the_archive_export_work_with_forty_thousand_families()
    {
        await _app.QueryAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var batch = 0; batch < Workers; batch += 2000)
            {
                db.AddRange(Enumerable.Range(batch, Math.Min(2000, Workers - batch)).Select(i => new Worker
                {
                    StaffId = $"W{i:D6}", Name = "职工" + i, Unit = $"{i % 40}车间", Phone = $"139{i:D8}", ChannelIdentities = [new(ChannelNames.DingTalk, $"dt-{i}")], RegisteredAt = now,
                    FamilyMembers = [new FamilyMember { Name = "家属" + i, Relation = "配偶" }],
                }));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
            return 0;
        });
        var admin = await _app.SignedInAsync("admin");

        using var list = await admin.GetAsync("/console/families");
        using var export = await admin.GetAsync("/console/reports?handler=Archive");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"共 {Workers} 户", await list.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var xlsx = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(Workers, MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "服务家庭").Count());
    }
}
