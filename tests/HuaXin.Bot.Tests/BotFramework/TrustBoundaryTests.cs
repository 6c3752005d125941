using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework;
using HuaXin.Bot.BotFramework.Connector;
using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Finding 1: without an App ID, /api/messages serves only callers on this machine that did not come through the
/// reverse proxy, and only for loopback serviceUrls; the service as the README deploys it (Kestrel on 127.0.0.1, proxy in
/// front) is attacked over a real socket.</summary>
public sealed class UnauthenticatedModeTests
{
    private static Dictionary<string, string?> NoAppId(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Bot:MicrosoftAppId"] = "", ["Bot:MicrosoftAppPassword"] = "" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>A Teams worker's message as an attacker forges it: their from.id, asking for the binding code.</summary>
    private static HttpRequestMessage Forged(string serviceUrl, bool expectReplies, (string Header, string Value)? proxy)
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["text"] = "绑定码";
        activity["serviceUrl"] = serviceUrl;
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json") };
        if (proxy is { } p)
        {
            request.Headers.TryAddWithoutValidation(p.Header, p.Value);
        }
        return request;
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9", true)]
    [InlineData("X-Forwarded-For", "203.0.113.9", false)]
    [InlineData("X-Forwarded-For", "127.0.0.1", true)]
    [InlineData("Forwarded", "for=203.0.113.9;proto=https", true)]
    [InlineData("X-Forwarded-Proto", "https", true)]
    [InlineData("X-Real-IP", "203.0.113.9", false)]
    public async Task A_caller_through_the_proxy_is_refused_and_nothing_is_run_stored_or_sent(string header, string value, bool expectReplies)
    {
        await using var internalAdmin = await FakeConnector.StartAsync();
        using var app = new BotAppFactory(NoAppId(), realMessaging: true, kestrel: true, realBot: true);
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Forged(internalAdmin.BaseUrl + "internal-admin/", expectReplies, (header, value)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("绑定", await response.Content.ReadAsStringAsync());
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.InboundMessages.CountAsync());
        Assert.Equal(0, await db.OutboxMessages.CountAsync());
        Assert.Empty(internalAdmin.Requests);
    }

    [Fact]
    public async Task A_local_caller_is_served_for_loopback_service_urls_only()
    {
        using var app = new BotAppFactory(NoAppId(), kestrel: true);
        using var client = app.CreateClient();

        using var emulator = await client.SendAsync(Forged("http://127.0.0.1:9/", expectReplies: true, proxy: null));
        using var elsewhere = await client.SendAsync(Forged("https://smba.trafficmanager.net/amer/", expectReplies: false, proxy: null));

        Assert.Equal(HttpStatusCode.OK, emulator.StatusCode);
        Assert.NotNull(JsonNode.Parse(await emulator.Content.ReadAsStringAsync())!["activities"]);
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        Assert.Empty(app.Inbound.Accepted);
    }

    [Fact]
    public async Task Without_an_app_id_the_connector_client_posts_to_loopback_only()
    {
        using var app = new BotAppFactory(NoAppId());
        var client = app.Services.GetRequiredService<ConnectorClient>();

        var refused = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync(
            "https://smba.trafficmanager.net/amer/", "a:1", new Activity { Type = ActivityTypes.Message, Text = "你好" }, null, CancellationToken.None));

        Assert.True(refused.IsPermanent);
    }

    [Fact]
    public async Task Switched_off_the_endpoint_does_not_exist()
    {
        using var app = new BotAppFactory(NoAppId(("Bot:Enabled", "false")), kestrel: true);
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Forged("http://127.0.0.1:9/", expectReplies: true, proxy: null));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(app.Bot.Turns);
    }
}

/// <summary>Finding 2 and parts of 16: who may call, who may have replies in the response, rolled signing keys, and a
/// user over the rate limit.</summary>
public sealed class CallerTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    private const string OtherApp = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    private static JsonObject Message(string id)
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = id;
        return activity;
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task A_token_another_app_of_the_tenant_obtained_for_the_bot_is_refused(string version)
    {
        using var app = new BotAppFactory();
        using var client = app.CreateClient();

        using var other = await client.PostActivityAsync(Message("other-" + version), TestTokens.CreateEntra(OtherApp, version));
        using var own = await client.PostActivityAsync(Message("own-" + version), TestTokens.CreateEntra(TestTokens.AppId, version));

        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        Assert.False(app.Inbound.Accepted.ContainsKey("msteams:other-" + version));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.True(app.Inbound.Accepted.ContainsKey("msteams:own-" + version));
    }

    [Fact]
    public async Task An_allowed_caller_may_call()
    {
        using var app = new BotAppFactory(new() { ["Bot:AllowedCallers:0"] = OtherApp });

        using var response = await app.CreateClient().PostActivityAsync(Message("allowed"), TestTokens.CreateEntra(OtherApp));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_channel_token_asking_for_expect_replies_gets_its_replies_through_the_connector()
    {
        using var app = new BotAppFactory();
        var activity = Message("channel-expect");
        activity["deliveryMode"] = "expectReplies";

        using var response = await app.CreateClient().PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.True(app.Inbound.Accepted.ContainsKey("msteams:channel-expect"));
        Assert.Empty(app.Bot.Turns);
    }

    [Fact]
    public async Task A_token_signed_with_a_rolled_key_passes_at_once_and_made_up_key_ids_do_not_flood_the_issuer()
    {
        using var app = new BotAppFactory();
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(Message("before-roll"))).StatusCode);

        app.OpenId.RollKeys();
        using var rolled = await client.PostActivityAsync(Message("rolled"), TestTokens.Create(ServiceUrl, key: TestTokens.RolledKey, keyId: "rolled-key"));
        var fetchesAfterRoll = app.OpenId.JwksRequests;
        for (var i = 0; i < 20; i++)
        {
            using var forged = await client.PostActivityAsync(Message("forged-" + i), TestTokens.Create(ServiceUrl, key: TestTokens.RogueKey, keyId: $"made-up-{i}"));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, rolled.StatusCode);
        Assert.True(app.Inbound.Accepted.ContainsKey("msteams:rolled"));
        Assert.Equal(fetchesAfterRoll, app.OpenId.JwksRequests);
    }

    [Fact]
    public async Task A_user_over_the_rate_limit_is_told_in_the_chat_once_and_the_channel_gets_200()
    {
        using var app = new BotAppFactory(new() { ["RateLimits:UserBurst"] = "1", ["RateLimits:UserPermitsPerMinute"] = "1" });
        using var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostActivityAsync(Message("flood-" + i));
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(app.Inbound.Accepted.Keys, k => k.StartsWith("msteams:flood-"));
        var notice = Assert.Single(app.Outbox.Messages);
        Assert.Contains("太快", notice.Message.Text);
        Assert.Equal("a:17I0kl9EkpE1O9PH5TWrzrLNwnWWcfrU7QZjKR0WSfOpzbfcAg2IaydGElSo10tVr4C7Fc6GtieTJX663WuJCc1uA83n4CSrHSgGBj5XNYLcVlJAs2ZX8DbYBPck201w-",
            BotAddress.Parse(notice.Address).ConversationId);
    }
}
