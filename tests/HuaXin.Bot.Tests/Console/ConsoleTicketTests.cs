using System.Net;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>The board and the ticket page: scoped to the department, and actions that are the chat commands' twins.</summary>
public sealed class ConsoleTicketTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task The_board_shows_only_the_own_departments_tickets_with_masked_phones()
    {
        var union = await app.CreateTicketAsync("集团工会");
        var logistics = await app.CreateTicketAsync("后勤管理中心");

        var board = await (await app.SignedInAsync("union")).GetStringAsync("/console/tickets");

        Assert.Contains(union, board);
        Assert.DoesNotContain(logistics, board);
        Assert.Contains("138****2266", board);
        Assert.DoesNotContain("13805312266", board);
    }

    [Fact]
    public async Task Admins_see_every_department_and_can_filter_by_one()
    {
        var union = await app.CreateTicketAsync("集团工会");
        var logistics = await app.CreateTicketAsync("后勤管理中心");
        var admin = await app.SignedInAsync("admin");

        var all = await admin.GetStringAsync("/console/tickets");
        var filtered = await admin.GetStringAsync("/console/tickets?department=" + Uri.EscapeDataString("后勤管理中心"));

        Assert.Contains(union, all);
        Assert.Contains(logistics, all);
        Assert.DoesNotContain(union, filtered);
        Assert.Contains(logistics, filtered);
    }

    [Fact]
    public async Task Staff_cannot_widen_the_board_with_a_department_filter()
    {
        var logistics = await app.CreateTicketAsync("后勤管理中心");

        var board = await (await app.SignedInAsync("union")).GetStringAsync("/console/tickets?department=" + Uri.EscapeDataString("后勤管理中心"));

        Assert.DoesNotContain(logistics, board);
    }

    [Fact]
    public async Task The_owning_department_sees_the_full_phone_others_a_masked_one()
    {
        var n = await app.CreateTicketAsync("集团工会");

        var own = await (await app.SignedInAsync("union")).GetStringAsync($"/console/tickets/{n}");
        var admin = await (await app.SignedInAsync("admin")).GetStringAsync($"/console/tickets/{n}");

        Assert.Contains("13805312266", own);
        Assert.Contains("提交", own);    // history
        Assert.DoesNotContain("13805312266", admin);
        Assert.Contains("138****2266", admin);
    }

    [Theory]
    [InlineData("Accept", "")]
    [InlineData("Resolve", "result=已办好")]
    [InlineData("Transfer", "department=团委&reason=试试")]
    public async Task Another_departments_ticket_is_not_found_and_its_actions_change_nothing(string handler, string form)
    {
        var n = await app.CreateTicketAsync("集团工会");
        var before = await app.TicketAsync(n);
        var client = await app.SignedInAsync("logistics");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/console/tickets/{n}")).StatusCode);
        var fields = form.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var response = await ConsoleAppFactory.PostFormAsync(client, "/console/tickets", $"/console/tickets/{n}?handler={handler}", fields);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var after = await app.TicketAsync(n);
        Assert.Equal((before.Status, before.Department, before.Version, before.History.Count), (after.Status, after.Department, after.Version, after.History.Count));
        Assert.Empty(await app.OutboxAsync(n));
    }

    [Fact]
    public async Task An_action_without_the_antiforgery_token_is_rejected()
    {
        var n = await app.CreateTicketAsync("集团工会");
        var client = await app.SignedInAsync("union");

        var response = await client.PostAsync($"/console/tickets/{n}?handler=Accept", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RequestStatus.Pending, (await app.TicketAsync(n)).Status);
    }

    [Fact]
    public async Task Accepting_in_the_console_sends_the_same_notices_as_the_chat_command()
    {
        var viaConsole = await app.CreateTicketAsync("集团工会");
        var viaChat = await app.CreateTicketAsync("集团工会");
        var client = await app.SignedInAsync("union");

        var response = await ConsoleAppFactory.PostFormAsync(client, $"/console/tickets/{viaConsole}", $"/console/tickets/{viaConsole}?handler=Accept", []);
        await app.Services.GetRequiredService<ITurnHandler>().HandleAsync(
            new InboundTurn("test", "c-union", "union", "王工会", $"受理 {viaChat}", null, "zh-CN", DateTimeOffset.UtcNow), default);

        Assert.Equal($"/console/tickets/{viaConsole}", response.Headers.Location?.OriginalString);
        Assert.Contains($"已受理 {viaConsole}", await client.GetStringAsync($"/console/tickets/{viaConsole}"));
        var console = await app.TicketAsync(viaConsole);
        Assert.Equal((RequestStatus.Accepted, "王工会"), (console.Status, console.AssigneeName));
        var consoleNotices = (await app.OutboxAsync(viaConsole)).Select(m => (m.Channel, m.Address, m.MessageJson.Replace(viaConsole, "N"))).ToList();
        var chatNotices = (await app.OutboxAsync(viaChat)).Select(m => (m.Channel, m.Address, m.MessageJson.Replace(viaChat, "N"))).ToList();
        Assert.NotEmpty(consoleNotices);
        Assert.Equal(chatNotices, consoleNotices);
    }

    [Fact]
    public async Task A_ticket_is_worked_through_to_resolution_from_the_console()
    {
        var n = await app.CreateTicketAsync("集团工会");
        var client = await app.SignedInAsync("union");
        var page = $"/console/tickets/{n}";

        await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler=Accept", []);
        await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler=Comment", new() { ["note"] = "已电话联系家属" });
        await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler=Return", new() { ["reason"] = "请提供医院地址" });
        Assert.Equal(RequestStatus.NeedsInfo, (await app.TicketAsync(n)).Status);
        await app.Services.GetRequiredService<ITurnHandler>().HandleAsync(
            new InboundTurn("test", "c-u1", "u1", "张大姐", $"补充 {n} 市中心医院", null, "zh-CN", DateTimeOffset.UtcNow), default);
        await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler=Resolve", new() { ["result"] = "已安排志愿者陪护三天" });

        var t = await app.TicketAsync(n);
        Assert.Equal(RequestStatus.Resolved, t.Status);
        Assert.Equal("已安排志愿者陪护三天", t.Result);
        Assert.Equal(["提交", "受理", "备注", "退回", "补充", "办结"], t.History.OrderBy(h => h.Id).Select(h => h.Action));
        Assert.All(t.History.Where(h => h.Action is "受理" or "备注" or "退回" or "办结"), h => Assert.Equal("console:union", h.Actor));
        Assert.Contains(await app.OutboxAsync(n), m => m.Address == "user:u1" && m.MessageJson.Contains("评价"));
    }

    [Fact]
    public async Task Transferring_moves_the_ticket_out_of_reach_and_notifies_the_new_department()
    {
        var n = await app.CreateTicketAsync("集团工会");
        var client = await app.SignedInAsync("union");

        var response = await ConsoleAppFactory.PostFormAsync(client, $"/console/tickets/{n}", $"/console/tickets/{n}?handler=Transfer",
            new() { ["department"] = "后勤管理中心", ["reason"] = "属于家中维修" });

        Assert.Equal("/console/tickets", response.Headers.Location?.OriginalString);
        Assert.Equal("后勤管理中心", (await app.TicketAsync(n)).Department);
        Assert.Contains(await app.OutboxAsync(n), m => m.Address == "group:logistics" && m.MessageJson.Contains("属于家中维修"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/console/tickets/{n}")).StatusCode);
    }

    [Fact]
    public async Task A_refused_action_shows_why_and_changes_nothing()
    {
        var n = await app.CreateTicketAsync("集团工会");
        var client = await app.SignedInAsync("union");

        await ConsoleAppFactory.PostFormAsync(client, $"/console/tickets/{n}", $"/console/tickets/{n}?handler=Resolve", new() { ["result"] = "  " });

        Assert.Contains("请写上处理结果", await client.GetStringAsync($"/console/tickets/{n}"));
        Assert.Equal(RequestStatus.Pending, (await app.TicketAsync(n)).Status);
    }
}
