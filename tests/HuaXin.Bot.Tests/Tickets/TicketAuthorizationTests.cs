using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;
using static HuaXin.Bot.Tests.Tickets.TicketFixture;

namespace HuaXin.Bot.Tests.Tickets;

/// <summary>Each rule is attacked: the refusal is clear and the ticket, its history and the outbox are unchanged.</summary>
public abstract class TicketAuthorizationTests(DatabaseProvider provider)
{
    [Theory]
    [InlineData("u1", "受理 {0}", "只有工作人员")]                       // the requester is not staff
    [InlineData("stranger", "办结 {0} 搞定了", "只有工作人员")]          // nobody at all
    [InlineData("s-logistics", "受理 {0}", "无权办理")]                 // staff of another department
    [InlineData("s-logistics", "转派 {0} 团委 随便", "无权办理")]
    [InlineData("stranger", "撤回 {0}", "不是您提交的")]                 // someone else's ticket
    [InlineData("s-union", "撤回 {0}", "不是您提交的")]                  // staff cannot withdraw for the family
    [InlineData("stranger", "补充 {0} 改成我的电话", "不是您提交的")]
    [InlineData("u1", "评价 {0} 满意", "不能评价")]                      // not resolved yet
    [InlineData("s-union", "转派 {0} 财务部 不归我们", "没有「财务部」")]  // unknown department
    [InlineData("s-union", "办结 {0}", "请写上处理结果")]                 // missing result
    [InlineData("s-union", "受理 HX-20000101-0001", "没有找到")]          // unknown number
    public async Task Forbidden_or_invalid_commands_are_refused_and_change_nothing(string user, string command, string expected)
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        await DeliverAsync(h);
        var before = await TicketAsync(h, n);

        var reply = await SayAsync(h, user, string.Format(command, n));

        Assert.Contains(expected, reply);
        var after = await TicketAsync(h, n);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before.Department, after.Department);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.History.Count, after.History.Count);
        Assert.Empty(await DeliverAsync(h));
    }

    [Fact]
    public async Task An_admin_may_act_on_any_department()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);

        Assert.Contains("已受理", await SayAsync(h, "s-admin", $"受理 {n}"));
    }

    [Fact]
    public async Task Accepting_twice_is_refused_as_an_invalid_transition()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        await SayAsync(h, "s-union", $"受理 {n}");

        Assert.Contains("当前状态为「已受理」", await SayAsync(h, "s-admin", $"受理 {n}"));
    }

    [Fact]
    public async Task Two_staff_accepting_at_once_leave_one_acceptance()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);

        var replies = await Task.WhenAll(
            Task.Run(() => SayAsync(h, "s-union", $"受理 {n}")),
            Task.Run(() => SayAsync(h, "s-admin", $"受理 {n}")));

        Assert.Single(replies, r => r.StartsWith("已受理"));
        Assert.Single((await TicketAsync(h, n)).History, x => x.Action == "受理");
    }
}

public sealed class TicketAuthorizationTestsOnSqlite() : TicketAuthorizationTests(DatabaseProvider.Sqlite);

public sealed class TicketAuthorizationTestsOnPostgreSql() : TicketAuthorizationTests(DatabaseProvider.PostgreSQL);
