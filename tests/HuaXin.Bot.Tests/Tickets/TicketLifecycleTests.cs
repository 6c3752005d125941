using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;
using static HuaXin.Bot.Tests.Tickets.TicketFixture;

namespace HuaXin.Bot.Tests.Tickets;

public abstract class TicketLifecycleTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_ticket_goes_from_creation_to_rating_with_every_step_told_and_recorded()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        Assert.Matches(@"^HX-\d{8}-0001$", n);
        var posted = await DeliverAsync(h);
        Assert.Contains(n, Assert.Single(posted["group:union"]));

        Assert.Contains("已受理", await SayAsync(h, "s-union", $"受理 {n}"));
        Assert.Contains("王工会受理", Assert.Single((await DeliverAsync(h))["user:u1"]));

        Assert.Contains("处理中", await SayAsync(h, "s-union", $"备注 {n} 已电话联系家属"));
        Assert.Contains("已电话联系家属", Assert.Single((await DeliverAsync(h))["user:u1"]));

        Assert.Contains("后勤管理中心", await SayAsync(h, "s-union", $"转派 {n} 后勤管理中心 需要上门维修"));
        var transferred = await DeliverAsync(h);
        Assert.Contains("需要上门维修", Assert.Single(transferred["group:logistics"]));
        Assert.Contains("转由后勤管理中心", Assert.Single(transferred["user:u1"]));

        Assert.Contains("已受理", await SayAsync(h, "s-logistics", $"受理 {n}"));
        Assert.Contains("已办结", await SayAsync(h, "s-logistics", $"办结 {n} 已上门修好水管"));
        var rating = Assert.Single((await DeliverAsync(h))["user:u1"], t => t.Contains("已办结"));
        Assert.Contains("评价", rating);

        Assert.Contains("感谢", await SayAsync(h, "u1", $"评价 {n} 非常满意 师傅很耐心"));
        var ticket = await TicketAsync(h, n);
        Assert.Equal(RequestStatus.Rated, ticket.Status);
        Assert.Equal("非常满意", ticket.Rating);
        Assert.Equal("师傅很耐心", ticket.RatingComment);
        Assert.Equal(["提交", "受理", "备注", "转派", "受理", "办结", "评价"], ticket.History.OrderBy(x => x.Id).Select(x => x.Action));
    }

    [Fact]
    public async Task A_dissatisfied_rating_reopens_the_ticket_under_supervision()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        await SayAsync(h, "s-union", $"办结 {n} 已安排陪护");
        await DeliverAsync(h);

        var reply = await SayAsync(h, "u1", $"评价 {n} 非常不满意 一直没人来");

        Assert.Contains("督办", reply);
        var ticket = await TicketAsync(h, n);
        Assert.Equal(RequestStatus.InProgress, ticket.Status);
        Assert.True(ticket.Supervised);
        Assert.Equal("非常不满意", ticket.Rating);
        var delivered = await DeliverAsync(h);
        Assert.Contains("督办", Assert.Single(delivered["group:party"]));
        Assert.Contains("一直没人来", Assert.Single(delivered["group:union"]));
    }

    [Fact]
    public async Task Returned_for_information_then_supplemented_by_the_requester()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        await SayAsync(h, "s-union", $"受理 {n}");
        await SayAsync(h, "s-union", $"退回 {n} 请提供医院名称");
        Assert.Equal(RequestStatus.NeedsInfo, (await TicketAsync(h, n)).Status);
        Assert.Contains("补充", string.Join("", (await DeliverAsync(h))["user:u1"]));

        Assert.Contains("已把补充内容", await SayAsync(h, "u1", $"补充 {n} 在省立医院东院"));

        Assert.Equal(RequestStatus.InProgress, (await TicketAsync(h, n)).Status);
        Assert.Contains("省立医院东院", Assert.Single((await DeliverAsync(h))["group:union"]));
    }

    [Fact]
    public async Task The_requester_can_withdraw_an_open_ticket()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);

        Assert.Contains("已撤回", await SayAsync(h, "u1", $"撤回 {n}"));
        Assert.Equal(RequestStatus.Withdrawn, (await TicketAsync(h, n)).Status);
        Assert.Contains("已撤回", await SayAsync(h, "s-union", $"受理 {n}"));
    }

    [Fact]
    public async Task Staff_list_their_department_open_tickets()
    {
        await using var h = await StartAsync(provider);
        var union = await CreateAsync(h);
        var logistics = await CreateAsync(h, "home_repair", "后勤管理中心");

        var list = await SayAsync(h, "s-union", "待办");

        Assert.Contains(union, list);
        Assert.DoesNotContain(logistics, list);
        Assert.Contains(logistics, await SayAsync(h, "s-admin", "待办"));
    }

    [Fact]
    public async Task Pressing_a_card_button_is_the_same_as_typing_its_command()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        var handler = new TicketCommandHandler(h.Bot, h.Get<TicketService>(), h.Get<StaffDirectory>());

        await handler.HandleAsync(new("test", "g", "s-union", null, null,
            new Dictionary<string, string> { ["action"] = $"受理 {n}", ["ticket"] = n }, "zh-CN", DateTimeOffset.UnixEpoch), default);

        Assert.Equal(RequestStatus.Accepted, (await TicketAsync(h, n)).Status);
    }

    [Fact]
    public async Task Other_messages_go_on_to_the_conversation()
    {
        await using var h = await StartAsync(provider);

        Assert.Equal("收到：我家孩子考上大学了有补贴吗", await SayAsync(h, "u1", "我家孩子考上大学了有补贴吗"));
    }

    [Fact]
    public async Task Ticket_numbers_are_unique_under_concurrent_creation()
    {
        await using var h = await StartAsync(provider);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => CreateAsync(h))));

        Assert.Equal(20, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{i:D4}"), numbers.Select(x => x[^4..]).Order());
    }
}

public sealed class TicketLifecycleTestsOnSqlite() : TicketLifecycleTests(DatabaseProvider.Sqlite);

public sealed class TicketLifecycleTestsOnPostgreSql() : TicketLifecycleTests(DatabaseProvider.PostgreSQL);
