using Microsoft.Extensions.DependencyInjection;
using System.Net;
using HuaXin.Bot.BotFramework.Connector;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Through the real inbound queue, turn processor, outbox and Teams sender to a fake Connector.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Teams_message_delivered_twice_is_answered_once_in_its_thread()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new BotAppFactory(new() { ["Bot:TokenEndpoint"] = connector.BaseUrl + "token" }, realMessaging: true);
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["serviceUrl"] = connector.BaseUrl;
        activity["text"] = "帮扶怎么申请";
        using var client = app.CreateClient();

        var first = await client.PostActivityAsync(activity);
        var second = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        // Generous bound only against a hang; the reply normally arrives within a poll interval.
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (connector.Requests.IsEmpty)
        {
            await Task.Delay(50, hang.Token);
        }
        var reply = Assert.Single(connector.Requests);
        Assert.Equal("/v3/conversations/" + activity["conversation"]!["id"]!.GetValue<string>() + "/activities/1485983408511", reply.Path);
        Assert.Equal("Bearer connector-token", reply.Authorization);
        Assert.Single(app.Bot.Turns);
        Assert.True(await app.Services.GetRequiredService<TrustedServiceUrls>().IsTrustedAsync(connector.BaseUrl, CancellationToken.None));
        await NodeActivityValidator.AssertValidAsync(connector.SentActivities());
    }
}
