using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using static HuaXin.Bot.Tests.Tickets.TicketFixture;

namespace HuaXin.Bot.Tests.Tickets;

/// <summary>联动 on one ticket: the co-handling department is held to the lead's deadlines and hears what concerns it.</summary>
public abstract class CoHandlingTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_co_handler_is_reminded_and_escalated_by_the_same_deadlines_as_the_lead()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        Assert.Contains("已请后勤管理中心协办", await SayAsync(h, "s-union", $"协办 {n} 后勤管理中心"));
        var added = await DeliverAsync(h);
        Assert.Contains("【协办】", Assert.Single(added["group:logistics"]));
        Assert.Contains("后勤管理中心协助", Assert.Single(added["user:u1"]));

        h.Time.Advance(TimeSpan.FromHours(3.1));
        await h.Get<SlaMonitor>().CheckAsync(default);
        var reminded = await DeliverAsync(h);
        Assert.Contains("时限提醒", Assert.Single(reminded["group:union"]));
        Assert.Contains("时限提醒", Assert.Single(reminded["group:logistics"]));

        h.Time.Advance(TimeSpan.FromHours(1));
        await h.Get<SlaMonitor>().CheckAsync(default);
        var escalated = await DeliverAsync(h);
        Assert.Contains("超时督办", Assert.Single(escalated["group:logistics"]));
        Assert.Contains("超时督办", Assert.Single(escalated["group:party"]));
    }

    [Fact]
    public async Task A_co_handlers_progress_note_reaches_the_family_and_the_lead_and_the_requesters_words_reach_the_co_handler()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        await SayAsync(h, "s-union", $"协办 {n} 后勤管理中心");
        await SayAsync(h, "s-union", $"受理 {n}");
        await DeliverAsync(h);

        Assert.Contains("处理中", await SayAsync(h, "s-logistics", $"备注 {n} 师傅明天上午上门"));
        var noted = await DeliverAsync(h);
        Assert.Contains("师傅明天上午上门", Assert.Single(noted["user:u1"]));
        Assert.Contains("【协办进展】", Assert.Single(noted["group:union"]));

        await SayAsync(h, "u1", $"补充 {n} 下午三点后有人在家");
        Assert.Contains("下午三点后", Assert.Single((await DeliverAsync(h))["group:logistics"]));

        Assert.Contains("只有主办部门", await SayAsync(h, "s-logistics", $"办结 {n} 修好了"));
        Assert.Contains("只有主办部门", await SayAsync(h, "s-logistics", $"转派 {n} 团委 不归我们"));
        var ticket = await TicketAsync(h, n);
        Assert.Equal(RequestStatus.InProgress, ticket.Status);
        var note = Assert.Single(ticket.History, x => x.Action == "备注");
        Assert.Equal(("李后勤", "后勤管理中心"), (note.ActorName, note.ActorDepartment));
    }

    [Fact]
    public async Task Transferring_to_the_co_handling_department_makes_it_the_lead_and_no_longer_a_co_handler()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        await SayAsync(h, "s-union", $"协办 {n} 后勤管理中心");

        await SayAsync(h, "s-union", $"转派 {n} 后勤管理中心 主要是维修");

        var ticket = await h.QueryAsync(db => db.ServiceRequests.Include(r => r.CoHandlers).SingleAsync(r => r.Number == n));
        Assert.Equal("后勤管理中心", ticket.Department);
        Assert.Empty(ticket.CoHandlers);
        Assert.Contains("已请集团工会协办", await SayAsync(h, "s-logistics", $"协办 {n} 集团工会"));
    }

    [Fact]
    public async Task Bad_input_to_the_new_steps_gets_a_clear_answer_and_changes_nothing()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        var before = await TicketAsync(h, n);

        Assert.Contains("请写上备注内容", await SayAsync(h, "s-union", $"内部备注 {n}   "));
        Assert.Contains("备注太长了", await SayAsync(h, "s-union", $"内部备注 {n} {new string('长', 1001)}"));
        Assert.Contains("请写上部门", await SayAsync(h, "s-union", $"协办 {n}"));
        Assert.Contains("后勤管理中心没有在协办", await SayAsync(h, "s-union", $"取消协办 {n} 后勤管理中心"));
        Assert.Contains("无权办理", await SayAsync(h, "s-logistics", $"内部备注 {n} 看看"));
        Assert.Contains("只有工作人员", await SayAsync(h, "u1", $"内部备注 {n} 我也想写"));

        var after = await TicketAsync(h, n);
        Assert.Equal((before.Version, before.History.Count), (after.Version, after.History.Count));
        Assert.Empty((await DeliverAsync(h))["user:u1"]);
    }
}

public sealed class CoHandlingTestsOnSqlite() : CoHandlingTests(DatabaseProvider.Sqlite);

public sealed class CoHandlingTestsOnPostgreSql() : CoHandlingTests(DatabaseProvider.PostgreSQL);
