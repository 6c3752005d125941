using System.Net;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.People;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>Internal notes, co-handling departments (联动) and who asked, through the console and the chat commands.</summary>
public sealed class ConsoleCaseTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private Task<IReadOnlyList<OutboundMessage>> SayAsync(string user, string name, string text) =>
        app.Services.GetRequiredService<ITurnHandler>().HandleAsync(new InboundTurn("test", $"c-{user}", user, name, text, null, "zh-CN", DateTimeOffset.UtcNow), default);

    [Fact]
    public async Task An_internal_note_stays_with_staff_and_never_reaches_the_family()
    {
        var n = await app.CreateTicketAsync("集团工会", userId: "fam-note");
        var client = await app.SignedInAsync("union");
        var page = $"/console/tickets/{n}";
        await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler=Accept", []);

        await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler=Note", new() { ["note"] = "家属情绪不稳，上门请带上车间工会干部" });
        var chat = await SayAsync("union", "王工会", $"内部备注 {n} 已与医院社工沟通费用");
        await ConsoleAppFactory.PostFormAsync(client, page, $"{page}?handler=Comment", new() { ["note"] = "已电话联系，明天上门" });

        Assert.Contains("家属看不到", chat[0].Text);
        var ticket = await app.TicketAsync(n);
        Assert.Equal(2, ticket.History.Count(h => h.Action == "内部备注" && h.Internal));
        var toFamily = (await app.OutboxAsync(n)).Where(m => m.Address == "user:fam-note").Select(m => m.MessageJson).ToList();
        Assert.Contains(toFamily, m => m.Contains("已电话联系，明天上门"));
        Assert.DoesNotContain(toFamily, m => m.Contains("情绪") || m.Contains("社工"));
        var mine = await SayAsync("fam-note", "张大姐", "我的诉求");
        Assert.DoesNotContain(mine, m => m.Text.Contains("情绪") || m.Text.Contains("社工"));
        var html = await client.GetStringAsync(page);
        Assert.Contains("家属情绪不稳", html);
        Assert.Contains("内部", html);
    }

    [Fact]
    public async Task A_co_handling_department_is_notified_sees_the_ticket_and_its_note_is_in_the_history_but_only_the_lead_resolves()
    {
        var n = await app.CreateTicketAsync("集团工会", userId: "fam-co");
        var page = $"/console/tickets/{n}";

        var added = await SayAsync("union", "王工会", $"协办 {n} 后勤管理中心");

        Assert.Contains($"已请后勤管理中心协办 {n}", added[0].Text);
        Assert.Contains(await app.OutboxAsync(n), m => m.Address == "group:logistics" && m.MessageJson.Contains("【协办】"));
        var logistics = await app.SignedInAsync("logistics");
        Assert.Contains(n, await logistics.GetStringAsync("/console/tickets"));

        await ConsoleAppFactory.PostFormAsync(logistics, page, $"{page}?handler=Note", new() { ["note"] = "已联系维修师傅，周三上门查看" });
        await ConsoleAppFactory.PostFormAsync(logistics, page, $"{page}?handler=Resolve", new() { ["result"] = "办好了" });

        Assert.Contains("只有主办部门可以办理", await logistics.GetStringAsync(page));
        Assert.Equal(RequestStatus.Pending, (await app.TicketAsync(n)).Status);
        Assert.Contains(await app.OutboxAsync(n), m => m.Address == "group:union" && m.MessageJson.Contains("已联系维修师傅"));
        var union = await app.SignedInAsync("union");
        var history = await union.GetStringAsync(page);
        Assert.Contains("李后勤（后勤管理中心）", history);
        Assert.Contains("已联系维修师傅，周三上门查看", history);
        Assert.Contains("王工会（集团工会）", history);
        Assert.DoesNotContain("test:logistics", history);

        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=Resolve", new() { ["result"] = "已修好水管" });
        Assert.Equal(RequestStatus.Resolved, (await app.TicketAsync(n)).Status);
        Assert.Contains(await app.OutboxAsync(n), m => m.Address == "group:logistics" && m.MessageJson.Contains("【办结】"));
    }

    [Fact]
    public async Task Only_the_lead_adds_or_removes_co_handlers_and_bad_departments_change_nothing()
    {
        var n = await app.CreateTicketAsync("集团工会", userId: "fam-co2");
        var page = $"/console/tickets/{n}";
        var union = await app.SignedInAsync("union");

        Assert.Contains("没有「车间」这个部门", (await SayAsync("union", "王工会", $"协办 {n} 车间"))[0].Text);
        Assert.Contains("主办部门", (await SayAsync("union", "王工会", $"协办 {n} 集团工会"))[0].Text);
        Assert.Contains("只有工作人员", (await SayAsync("fam-co2", "张大姐", $"协办 {n} 车间工会"))[0].Text);
        Assert.Empty((await app.TicketAsync(n)).CoHandlers);

        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=AddCoHandler", new() { ["department"] = "车间工会" });
        var workshop = await app.SignedInAsync("workshop");
        Assert.Equal(HttpStatusCode.OK, (await workshop.GetAsync(page)).StatusCode);
        await ConsoleAppFactory.PostFormAsync(workshop, page, $"{page}?handler=AddCoHandler", new() { ["department"] = "团委" });
        Assert.Equal(["车间工会"], (await app.TicketAsync(n)).CoHandlers.Select(h => h.Department));

        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=RemoveCoHandler", new() { ["department"] = "车间工会" });

        var ticket = await app.TicketAsync(n);
        Assert.Empty(ticket.CoHandlers);
        Assert.Equal(["协办", "取消协办"], ticket.History.Where(h => h.Action.Contains("协办")).OrderBy(h => h.Id).Select(h => h.Action));
        Assert.Equal(HttpStatusCode.NotFound, (await workshop.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task Every_ticket_says_who_asked_and_an_unbound_phone_on_the_roster_is_only_proposed_until_staff_link_it()
    {
        await app.SeedFamilyAsync();
        var store = app.Services.GetRequiredService<IServiceRequestStore>();
        var worker = await store.CreateAsync(Request("dingtalk", "dt-zhang", "老张", "13905319876"), default);
        var stated = await store.CreateAsync(Request("test", "walk-in", "微信用户", "13800000000") with { RequesterName = "李桂兰", RequesterRelation = "配偶" }, default);
        var unbound = await store.CreateAsync(Request("test", "new-phone", "秀英", "137 0531 0001"), default);

        Assert.Equal(("张建国", "本人"), await WhoAsync(worker.Number));
        Assert.Equal(("李桂兰", "配偶"), await WhoAsync(stated.Number));
        Assert.Equal(("秀英", (string?)null), await WhoAsync(unbound.Number));

        var union = await app.SignedInAsync("union");
        var page = $"/console/tickets/{unbound.Number}";
        var html = await union.GetStringAsync(page);
        Assert.Contains("王秀英（母亲）", html);
        Assert.Contains("关联到该家庭", html);
        Assert.Null(await app.QueryAsync(db => db.Set<FamilyLink>().SingleOrDefaultAsync(l => l.UserId == "new-phone")));

        var family = await app.QueryAsync(db => db.Set<Worker>().Include(w => w.FamilyMembers).SingleAsync(w => w.StaffId == "HX1001"));
        await ConsoleAppFactory.PostFormAsync(union, page, $"{page}?handler=LinkFamily",
            new() { ["workerId"] = family.Id.ToString(), ["memberId"] = family.FamilyMembers.Single().Id.ToString() });

        var link = await app.QueryAsync(db => db.Set<FamilyLink>().SingleAsync(l => l.UserId == "new-phone"));
        Assert.Equal((family.Id, family.FamilyMembers.Single().Id), (link.WorkerId, link.FamilyMemberId));
        Assert.Equal(("秀英", "母亲"), await WhoAsync(unbound.Number));
        Assert.Contains((await app.TicketAsync(unbound.Number)).History, h => h.Action == "关联家庭");
        Assert.DoesNotContain("关联到该家庭", await union.GetStringAsync(page));
    }

    [Fact]
    public async Task The_ticket_page_has_a_tap_to_call_link_for_the_working_department_and_a_print_view()
    {
        var n = await app.CreateTicketAsync("集团工会", userId: "fam-tel");
        var union = await app.SignedInAsync("union");
        await SayAsync("union", "王工会", $"内部备注 {n} 先别打电话，家属上夜班");

        Assert.Contains("href=\"tel:13805312266\"", await union.GetStringAsync($"/console/tickets/{n}"));
        Assert.DoesNotContain("tel:", await (await app.SignedInAsync("admin")).GetStringAsync($"/console/tickets/{n}"));
        var print = await union.GetStringAsync($"/console/tickets/{n}/print");
        Assert.Contains($"职工家庭服务工单 {n}", print);
        Assert.Contains("内部备注（内部）", print);
        Assert.Contains("data-print", print);
        Assert.DoesNotContain("console-nav", print);
    }

    [Fact]
    public async Task Menus_show_only_what_the_role_may_open()
    {
        var union = await (await app.SignedInAsync("union")).GetStringAsync("/console/tickets");
        var logistics = await (await app.SignedInAsync("logistics")).GetStringAsync("/console/tickets");
        var admin = await (await app.SignedInAsync("admin")).GetStringAsync("/console/tickets");

        Assert.DoesNotContain("href=\"/console/knowledge\"", union);
        Assert.Contains("href=\"/console/coverage\"", union);
        Assert.DoesNotContain("href=\"/console/coverage\"", logistics);
        Assert.Contains("href=\"/console/knowledge\"", admin);
        Assert.Contains("href=\"/console/coverage\"", admin);
    }

    [Fact]
    public async Task Missing_pages_bad_requests_and_refusals_answer_in_Chinese()
    {
        var union = await app.SignedInAsync("union");

        var missing = await union.GetAsync("/console/tickets/HX-20990101-0001");
        var unknown = await union.GetAsync("/console/no-such-page");
        var forged = await union.PostAsync("/console/tickets/HX-20990101-0001?handler=Accept", new FormUrlEncodedContent([]));
        var denied = await (await app.SignedInAsync("logistics")).GetAsync("/console/coverage");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到这个页面", await missing.Content.ReadAsStringAsync());
        Assert.Contains("找不到这个页面", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("请求无效", await forged.Content.ReadAsStringAsync());
        Assert.StartsWith("/console/denied", denied.Headers.Location?.OriginalString);
        var deniedPage = await union.GetAsync(denied.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, deniedPage.StatusCode);
        Assert.Contains("无权访问", await deniedPage.Content.ReadAsStringAsync());
    }

    private async Task<(string? Name, string? Relation)> WhoAsync(string number)
    {
        var t = await app.TicketAsync(number);
        return (t.RequesterName, t.RequesterRelation);
    }

    private static NewServiceRequest Request(string channel, string userId, string userName, string phone) => new(
        "medical", "集团工会", channel, userId, userName, new Dictionary<string, string> { ["phone"] = phone }, "我妈住院了没人照顾", false, TimeSpan.FromHours(4));
}
