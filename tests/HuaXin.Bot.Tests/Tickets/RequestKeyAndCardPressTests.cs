using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using static HuaXin.Bot.Tests.Tickets.TicketFixture;

namespace HuaXin.Bot.Tests.Tickets;

/// <summary>A submission retried (crash before the dialog state was saved, a replay after a state conflict, another
/// instance) makes one ticket; a press on a ticket card is answered with the card as the change left it.</summary>
public abstract class RequestKeyAndCardPressTests(DatabaseProvider provider)
{
    private static NewServiceRequest Request(string key) => new("medical", "集团工会", "test", Requester, "张大姐",
        new Dictionary<string, string> { ["phone"] = "13805312266" }, "我妈住院了家里没人照顾", false, TimeSpan.FromHours(4), key);

    [Fact]
    public async Task The_same_submission_twice_makes_one_ticket_and_one_card()
    {
        await using var h = await StartAsync(provider);
        var store = h.Get<IServiceRequestStore>();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.CreateAsync(Request("draft-1"), default)));
        var other = await store.CreateAsync(Request("draft-2"), default);

        Assert.Single(results.Select(r => r.Number).Distinct());
        Assert.NotEqual(results[0].Number, other.Number);
        Assert.Equal(2, await h.QueryAsync(db => db.ServiceRequests.CountAsync()));
        Assert.Single((await DeliverAsync(h))["group:union"], t => t.Contains(results[0].Number));
    }

    [Fact]
    public async Task A_card_press_returns_the_refreshed_card_and_a_typed_command_a_sentence()
    {
        await using var h = await StartAsync(provider);
        var n = await CreateAsync(h);
        var handler = new TicketCommandHandler(h.Bot, h.Get<TicketService>(), h.Get<StaffDirectory>());

        var press = await handler.HandleAsync(new InboundTurn("test", "c-union", "s-union", "王工会", null,
            new Dictionary<string, string> { ["action"] = $"受理 {n}", ["ticket"] = n }, "zh-CN", DateTimeOffset.UnixEpoch), default);

        var card = Assert.Single(press).Card!;
        Assert.Equal($"已受理 {n}", card.Title);
        Assert.Contains(card.Facts, f => f is { Name: "状态", Value: RequestStatus.Accepted });
        Assert.Contains(card.Facts, f => f is { Name: "受理人", Value: "王工会" });
        Assert.Equal(["备注", "转派", "办结"], card.Buttons.Select(b => b.Title));

        Assert.Contains("已记录备注", await SayAsync(h, "s-union", $"备注 {n} 已电话联系"));
        // A refused press changes nothing on the card: the sentence says why.
        var refused = await handler.HandleAsync(new InboundTurn("test", "c-logistics", "s-logistics", "李后勤", null,
            new Dictionary<string, string> { ["action"] = $"办结 {n} 好了" }, "zh-CN", DateTimeOffset.UnixEpoch), default);
        Assert.Null(Assert.Single(refused).Card);
        Assert.Contains("无权办理", refused[0].Text);
    }
}

public sealed class RequestKeyAndCardPressTestsOnSqlite() : RequestKeyAndCardPressTests(DatabaseProvider.Sqlite);

public sealed class RequestKeyAndCardPressTestsOnPostgreSql() : RequestKeyAndCardPressTests(DatabaseProvider.PostgreSQL);
