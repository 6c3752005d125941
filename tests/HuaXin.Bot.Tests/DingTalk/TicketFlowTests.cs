using System.Net;
using System.Text.RegularExpressions;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>The whole DingTalk story over the real wire formats: a worker's free-form request in one-to-one chat becomes
/// a ticket posted to the bound department group; staff accept and resolve it from the group; the worker is told each step.</summary>
public sealed class TicketFlowTests(RealBotCallbackFixture host) : IClassFixture<RealBotCallbackFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    private FakeDingTalk Fake => host.Fake;

    [Fact]
    public async Task A_request_becomes_a_ticket_in_the_department_group_and_staff_work_it_there()
    {
        var group = "cid-repair-" + Guid.NewGuid().ToString("N");
        const string worker = "worker9";
        await SendAsync(RobotMessages.Group(Fake, NewId(), "@华新助手 绑定部门 后勤管理中心", DingTalkAppFactory.Admin, group));
        await Fake.WaitForSentAsync(m => m.Text.Contains("已将本群绑定"), Guard);

        var reply = await WorkerSaysAsync(worker, "家里水管爆了 能派人来修吗 地址济南历城区华新小区3号楼2单元 电话13805312266");
        for (var i = 0; i < 4 && !reply.Contains("请核对"); i++)
        {
            reply = await WorkerSaysAsync(worker, "跳过");
        }
        Assert.Contains("请核对", reply);
        var number = Regex.Match(await WorkerSaysAsync(worker, "确认"), @"HX-\d{8}-\d{4}").Value;
        Assert.NotEmpty(number);

        var card = await Fake.WaitForSentAsync(m => m.Kind == "group" && m.Target == group && m.Text.Contains(number), Guard);
        Assert.Contains("受理", card.Text);

        var accept = NewId();
        await SendAsync(RobotMessages.Group(Fake, accept, $"@华新助手 受理 {number}", DingTalkAppFactory.RepairStaff, group));
        Assert.Contains("已受理", (await Fake.WaitForSentAsync(m => m.Target == accept, Guard)).Text);
        await Fake.WaitForSentAsync(m => m.Kind != "group" && m.Text.Contains($"{number} 已由后勤管理中心的李师傅受理"), Guard);

        var outsider = NewId();
        await SendAsync(RobotMessages.Group(Fake, outsider, $"办结 {number} 我来办", "someone-else", group));
        Assert.Contains("只有工作人员", (await Fake.WaitForSentAsync(m => m.Target == outsider, Guard)).Text);

        var resolve = NewId();
        await SendAsync(RobotMessages.Group(Fake, resolve, $"办结 {number} 已上门更换水管", DingTalkAppFactory.RepairStaff, group));
        Assert.Contains("已办结", (await Fake.WaitForSentAsync(m => m.Target == resolve, Guard)).Text);
        var rating = await Fake.WaitForSentAsync(m => m.Kind != "group" && m.Text.Contains("已上门更换水管"), Guard);
        Assert.Contains("满意", rating.Text);
    }

    private async Task<string> WorkerSaysAsync(string worker, string text)
    {
        var id = NewId();
        await SendAsync(RobotMessages.Text(Fake, id, text, worker, conversationId: "cid-private-" + worker));
        // Every reply of the turn goes to this message's webhook; the turn's last reply offers what to say next.
        try
        {
            await Fake.WaitForSentAsync(m => m.Target == id && (m.Text.Contains("回复") || m.Text.Contains("例如") || m.Text.Contains("HX-")), new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("no reply to " + text + ": " + string.Join(" || ", Fake.AllSent.Select(m => m.Kind + "/" + m.Target + ":" + m.Text)));
        }
        return string.Join("\n", Fake.AllSent.Where(m => m.Target == id).Select(m => m.Text));
    }

    private async Task SendAsync(string body)
    {
        using var response = await host.Client.SendAsync(RobotMessages.Callback(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string NewId() => "msg" + Guid.NewGuid().ToString("N");
}
