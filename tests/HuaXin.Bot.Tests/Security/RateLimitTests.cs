using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Tests.BotFramework;

namespace HuaXin.Bot.Tests.Security;

/// <summary>The limits on a real Kestrel socket (so requests come from an IP): per verified user, per IP, 429 with Retry-After.</summary>
public sealed class RateLimitTests
{
    private static BotAppFactory Host(bool exemptLoopback) => new(new()
    {
        ["RateLimits:UserBurst"] = "3",
        ["RateLimits:UserPermitsPerMinute"] = "1",
        ["RateLimits:IpBurst"] = "5",
        ["RateLimits:IpPermitsPerMinute"] = "1",
        ["RateLimits:ExemptLoopback"] = exemptLoopback ? "true" : "false",
    }, kestrel: true);

    private static Task<HttpResponseMessage> ChatAsync(HttpClient client, string user) =>
        client.PostAsJsonAsync("/api/chat", new { conversationId = "c-" + user, userId = user, text = "你好" });

    [Fact]
    public async Task A_user_past_the_burst_gets_429_with_Retry_After_while_another_user_goes_on()
    {
        using var app = Host(exemptLoopback: true);
        using var client = app.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ChatAsync(client, "flooder")).StatusCode);
        }
        using var refused = await ChatAsync(client, "flooder");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString()) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await ChatAsync(client, "someone-else")).StatusCode);
        Assert.Equal(3, app.Bot.Turns.Count(t => t.UserId == "flooder"));
    }

    [Fact]
    public async Task Forged_activities_in_someone_elses_name_do_not_spend_their_allowance()
    {
        using var app = Host(exemptLoopback: true);
        using var client = app.CreateClient();
        JsonObject Message()
        {
            var activity = Fixtures.Load("teams-personal-message.json");
            activity["id"] = Guid.NewGuid().ToString("N");
            return activity;
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostActivityAsync(Message(), token: "forged")).StatusCode);
        }
        for (var i = 0; i < 4; i++)
        {
            // The channel service always gets 200; the user is told in the chat when over the limit.
            Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(Message())).StatusCode);
        }

        // The real sender still has the whole burst; only their own fourth message is not taken, and they are told so.
        Assert.Equal(3, app.Inbound.Accepted.Count);
        Assert.Contains("太快", Assert.Single(app.Outbox.Messages).Message.Text);
    }

    [Fact]
    public async Task An_address_past_its_burst_gets_429_but_health_checks_never_do()
    {
        using var app = Host(exemptLoopback: false);
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await client.PostAsync("/api/webchat/token", null);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        using var health = await client.GetAsync("/healthz");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, health.StatusCode);
    }

    [Fact]
    public async Task Loopback_is_exempt_from_the_address_limit_by_default()
    {
        using var app = Host(exemptLoopback: true);
        using var client = app.CreateClient();

        for (var i = 0; i < 8; i++)
        {
            using var response = await client.PostAsync("/api/webchat/token", null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
