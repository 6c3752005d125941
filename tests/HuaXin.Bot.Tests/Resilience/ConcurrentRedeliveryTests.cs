using System.Net;
using HuaXin.Bot.Tests.BotFramework;
using HuaXin.Bot.Tests.DingTalk;
using HuaXin.Bot.Tests.DirectLine;

namespace HuaXin.Bot.Tests.Resilience;

/// <summary>Each channel's message delivered three times at once (a platform retrying while the first call is still
/// running) through the real HTTP pipeline: all acknowledged, processed once, answered once. Sequential redelivery
/// is tested next to each channel (MessagesEndpointTests, CallbackTests, StreamTests, DirectLineConversationTests).</summary>
public sealed class ConcurrentRedeliveryTests(CallbackFixture dingTalk) : IClassFixture<CallbackFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task Bot_Framework_activity_three_times_at_once()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new BotAppFactory(new() { ["Bot:TokenEndpoint"] = connector.BaseUrl + "token" }, realMessaging: true);
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["serviceUrl"] = connector.BaseUrl;
        using var client = app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostActivityAsync(activity)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var later = Fixtures.Load("teams-personal-message.json");
        later["serviceUrl"] = connector.BaseUrl;
        later["id"] = "later-1";
        Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(later)).StatusCode);
        // The later message's reply leaves the outbox after any duplicate of the first one would have.
        while (!connector.Requests.Any(r => r.Path.EndsWith("/activities/later-1")))
        {
            await Task.Delay(50, Guard);
        }
        Assert.Single(connector.Requests, r => r.Path.EndsWith("/activities/1485983408511"));
        Assert.Equal(2, app.Bot.Turns.Count);
    }

    [Fact]
    public async Task Direct_Line_client_activity_three_times_at_once()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.PostMessageAsync(session, "申请帮扶", "same-client-id")));

        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((await DirectLineHost.ReadJsonAsync(response))["id"]!.GetValue<string>());
        }
        Assert.Single(ids);
        Assert.Single(host.Bot.Turns);
    }

    [Fact]
    public async Task DingTalk_callback_three_times_at_once()
    {
        var id = "msg" + Guid.NewGuid().ToString("N");
        var body = RobotMessages.Text(dingTalk.Fake, id, "同时重发");

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostDingTalkAsync(body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var barrier = "msg" + Guid.NewGuid().ToString("N");
        (await PostDingTalkAsync(RobotMessages.Text(dingTalk.Fake, barrier, "barrier"))).Dispose();
        await dingTalk.Fake.WaitForSentAsync(m => m.Target == barrier, Guard);
        Assert.Equal(1, dingTalk.Fake.CountSent(m => m.Target == id));
        Assert.Equal(1, await dingTalk.StoredInboundAsync(id));
    }

    private Task<HttpResponseMessage> PostDingTalkAsync(string body) => dingTalk.Client.SendAsync(RobotMessages.Callback(body));
}
