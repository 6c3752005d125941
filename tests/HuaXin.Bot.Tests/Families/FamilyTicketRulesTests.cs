using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tests.Tickets;
using HuaXin.Bot.Tickets;
using static HuaXin.Bot.Tests.Families.FamilyScenario;

namespace HuaXin.Bot.Tests.Families;

/// <summary>A family sees and acts on its own requests — the worker's and every linked member's — and never another family's.</summary>
public sealed class FamilyTicketRulesTests
{
    [Fact]
    public async Task My_requests_lists_the_whole_family_and_nothing_of_another_family()
    {
        await using var s = await StartAsync();
        await s.BindAsync("web-mum", Ding, "dt-zhang");
        await s.BindAsync("web-wife", Ding, "dt-zhang");
        await s.BindAsync("web-li-wife", MsTeams, "teams-li");
        var byWorker = await s.CreateTicketAsync(Ding, "dt-zhang");
        var byMum = await s.CreateTicketAsync(Web, "web-mum");
        var byWife = await s.CreateTicketAsync(Web, "web-wife");
        var otherFamily = await s.CreateTicketAsync(Web, "web-li-wife");
        var stranger = await s.CreateTicketAsync(Web, "web-stranger");
        var store = s.H.Get<IServiceRequestStore>();

        var mum = (await store.ListByRequesterAsync(Web, "web-mum", default)).Select(r => r.Number).ToHashSet();
        var worker = (await store.ListByRequesterAsync(Ding, "HX1001", default)).Select(r => r.Number).ToHashSet();
        var unlinked = (await store.ListByRequesterAsync(Web, "web-stranger", default)).Select(r => r.Number).ToList();

        Assert.Equal([byWorker, byMum, byWife], mum.Order());
        Assert.Equal(mum, worker);
        Assert.DoesNotContain(otherFamily, mum);
        Assert.DoesNotContain(stranger, mum);
        Assert.Equal([stranger], unlinked);
    }

    [Theory]
    [InlineData("补充 {0} 老人转到了市中心医院", "已把补充内容")]
    [InlineData("撤回 {0}", "已撤回")]
    public async Task A_linked_member_acts_on_the_workers_request(string command, string expected)
    {
        await using var s = await StartAsync();
        await s.BindAsync("web-mum", Ding, "dt-zhang");
        var n = await s.CreateTicketAsync(Ding, "dt-zhang");

        Assert.Contains(expected, await s.SayAsync(Web, "web-mum", string.Format(command, n)));
        Assert.Contains((await TicketFixture.TicketAsync(s.H, n)).History, x => x.Actor == $"{Web}:web-mum");
    }

    [Fact]
    public async Task The_worker_rates_a_request_a_linked_member_made()
    {
        await using var s = await StartAsync();
        await s.BindAsync("web-mum", Ding, "dt-zhang");
        var n = await s.CreateTicketAsync(Web, "web-mum");
        await TicketFixture.SayAsync(s.H, "s-union", $"办结 {n} 已安排陪护");

        Assert.Contains("感谢您的评价", await s.SayAsync(Ding, "dt-zhang", $"评价 {n} 满意"));
        Assert.Equal(RequestStatus.Rated, (await TicketFixture.TicketAsync(s.H, n)).Status);
    }

    [Theory]
    [InlineData(Web, "web-li-wife", "补充 {0} 我来改一下")]    // member of another family
    [InlineData(MsTeams, "teams-li", "撤回 {0}")]                // another family's worker
    [InlineData(Web, "web-stranger", "撤回 {0}")]              // unlinked web user
    [InlineData(Web, "web-stranger", "评价 {0} 非常不满意")]
    [InlineData(Ding, "dt-colleague", "补充 {0} 我是他同事")] // DingTalk user not in the roster
    public async Task Another_family_or_an_unlinked_user_is_refused_and_nothing_changes(string channel, string userId, string command)
    {
        await using var s = await StartAsync();
        await s.BindAsync("web-mum", Ding, "dt-zhang");
        await s.BindAsync("web-li-wife", MsTeams, "teams-li");
        var n = await s.CreateTicketAsync(Web, "web-mum");
        await TicketFixture.SayAsync(s.H, "s-union", $"办结 {n} 已安排陪护");
        await TicketFixture.DeliverAsync(s.H);
        var before = await TicketFixture.TicketAsync(s.H, n);

        var reply = await s.SayAsync(channel, userId, string.Format(command, n));

        Assert.Contains("不是您提交的", reply);
        var after = await TicketFixture.TicketAsync(s.H, n);
        Assert.Equal((before.Status, before.Version, before.History.Count), (after.Status, after.Version, after.History.Count));
        Assert.Empty(await TicketFixture.DeliverAsync(s.H));
    }
}
