using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;
using static HuaXin.Bot.Tests.Tickets.TicketFixture;

namespace HuaXin.Bot.Tests.Tickets;

public abstract class SlaMonitorTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_department_is_reminded_once_then_the_overdue_ticket_escalates_once()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h); // first contact within 4 hours
        await DeliverAsync(h);
        var sla = h.Get<SlaMonitor>();

        h.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await sla.CheckAsync(default));

        h.Time.Advance(TimeSpan.FromHours(1.1)); // three quarters of the window have passed
        Assert.Equal(1, await sla.CheckAsync(default));
        Assert.Equal(0, await sla.CheckAsync(default));
        Assert.Contains("时限提醒", Assert.Single((await DeliverAsync(h))["group:union"]));

        h.Time.Advance(TimeSpan.FromHours(1));
        await sla.CheckAsync(default);
        Assert.Equal(0, await sla.CheckAsync(default));
        var escalated = await DeliverAsync(h);
        Assert.Contains("超时督办", Assert.Single(escalated["group:party"]));
        Assert.Contains("超时督办", Assert.Single(escalated["group:union"]));

        var ticket = await TicketAsync(h, n);
        Assert.True(ticket.Supervised);
        Assert.Equal(["提交", "提醒", "超时"], ticket.History.OrderBy(x => x.Id).Select(x => x.Action));
    }

    [Fact]
    public async Task An_accepted_ticket_is_not_escalated_for_first_contact()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        await SayAsync(h, "s-union", $"受理 {n}");
        await DeliverAsync(h);

        h.Time.Advance(TimeSpan.FromHours(5));
        await h.Get<SlaMonitor>().CheckAsync(default);

        Assert.Empty(await DeliverAsync(h));
        Assert.DoesNotContain((await TicketAsync(h, n)).History, x => x.Action == "超时");
    }
}

public sealed class SlaMonitorTestsOnSqlite() : SlaMonitorTests(DatabaseProvider.Sqlite);

public sealed class SlaMonitorTestsOnPostgreSql() : SlaMonitorTests(DatabaseProvider.PostgreSQL);
