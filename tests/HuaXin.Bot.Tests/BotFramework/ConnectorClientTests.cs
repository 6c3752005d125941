using Microsoft.Extensions.DependencyInjection;
using HuaXin.Bot.BotFramework;
using HuaXin.Bot.BotFramework.Connector;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>The outbound client and sender against a fake Connector on real HTTP.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private BotAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _app = new BotAppFactory(new() { ["Bot:TokenEndpoint"] = _connector.BaseUrl + "token" });
        await Trusted.TrustAsync(_connector.BaseUrl, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _connector.DisposeAsync();
    }

    private TrustedServiceUrls Trusted => _app.Services.GetRequiredService<TrustedServiceUrls>();
    private ConnectorClient Client => _app.Services.GetRequiredService<ConnectorClient>();

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task Retries_429_with_Retry_After_then_502_then_a_timeout_and_succeeds()
    {
        _connector.ThenTooManyRequests(retryAfterSeconds: 1);
        _connector.ThenStatus(502);
        _connector.ThenHang();

        var result = await Client.SendToConversationAsync(_connector.BaseUrl, "a:conv;1", Message("你好"), "key-1", CancellationToken.None);

        Assert.StartsWith("act-", result!.Id);
        var attempts = _connector.Requests.ToArray();
        Assert.Equal(4, attempts.Length);
        Assert.All(attempts, a => Assert.Equal("/v3/conversations/a:conv;1/activities", a.Path));
        Assert.All(attempts, a => Assert.Equal("Bearer connector-token", a.Authorization));
        Assert.All(attempts, a => Assert.Equal("key-1", a.IdempotencyKey));
        Assert.Equal(1, _connector.TokenRequests);
    }

    [Fact]
    public async Task Token_is_cached_across_sends_and_reply_update_create_use_their_routes()
    {
        await Client.ReplyToActivityAsync(_connector.BaseUrl, "19:c@thread.tacv2", "1600", Message("回复"), null, CancellationToken.None);
        await Client.UpdateActivityAsync(_connector.BaseUrl, "19:c@thread.tacv2", "act-1", Message("更新"), CancellationToken.None);
        var created = await Client.CreateConversationAsync(_connector.BaseUrl, new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new System.Text.Json.Nodes.JsonObject { ["channel"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "19:dept@thread.tacv2" } },
            Activity = Message("新工单"),
        }, null, CancellationToken.None);

        var requests = _connector.Requests.ToArray();
        Assert.Equal(("POST", "/v3/conversations/19:c@thread.tacv2/activities/1600"), (requests[0].Method, requests[0].Path));
        Assert.Equal("1600", requests[0].Body!["replyToId"]!.GetValue<string>());
        Assert.Equal(("PUT", "/v3/conversations/19:c@thread.tacv2/activities/act-1"), (requests[1].Method, requests[1].Path));
        Assert.Equal(("POST", "/v3/conversations"), (requests[2].Method, requests[2].Path));
        Assert.NotNull(created!.ActivityId);
        Assert.Equal(1, _connector.TokenRequests);
    }

    [Fact]
    public async Task Untrusted_service_url_never_gets_the_token()
    {
        var untrusted = _connector.BaseUrl.Replace("127.0.0.1", "localhost");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Client.SendToConversationAsync(untrusted, "a:1", Message("x"), null, CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _connector.TokenRequests);
    }

    /// <summary>Finding 16: Teams answers 201/202 with an empty body; retrying that would post the message twice.</summary>
    [Fact]
    public async Task An_empty_2xx_answer_is_success_and_not_sent_again()
    {
        _connector.ThenStatus(202);
        var sender = _app.Services.GetServices<IChannelSender>().Single(s => s.Channel == "msteams");

        await sender.SendAsync(new OutboxItem(1, "msteams", new BotAddress(_connector.BaseUrl, "msteams", "a:1").ToJson(), new OutboundMessage("你好"), "k", 1), CancellationToken.None);

        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task Unknown_conversation_is_a_permanent_delivery_failure()
    {
        _connector.ThenStatus(404);
        var sender = _app.Services.GetServices<IChannelSender>().Single(s => s.Channel == "msteams");
        var address = new BotAddress(_connector.BaseUrl, "msteams", "a:gone").ToJson();

        await Assert.ThrowsAsync<PermanentDeliveryException>(() =>
            sender.SendAsync(new OutboxItem(1, "msteams", address, new OutboundMessage("你好"), "k", 1), CancellationToken.None));
    }

    [Fact]
    public async Task Teams_sender_sends_cards_alone_replies_in_thread_and_starts_channel_threads()
    {
        var sender = _app.Services.GetServices<IChannelSender>().Single(s => s.Channel == "msteams");
        var reply = new BotAddress(_connector.BaseUrl, "msteams", "a:1", BotId: "28:bot", UserId: "29:user", ReplyToId: "1485983408511", Locale: "zh-CN");
        var department = new BotAddress(_connector.BaseUrl, "msteams", null, BotId: "28:bot", TenantId: "tenant-1", TeamsChannelId: "19:dept@thread.tacv2");

        foreach (var message in SampleMessages.All())
        {
            await sender.SendAsync(new OutboxItem(1, "msteams", reply.ToJson(), message, "k", 1), CancellationToken.None);
        }
        await sender.SendAsync(new OutboxItem(2, "msteams", department.ToJson(), SampleMessages.Ticket("待受理"), "ticket-1", 1), CancellationToken.None);

        var requests = _connector.Requests.ToArray();
        Assert.All(requests[..^1], r => Assert.Equal("/v3/conversations/a:1/activities/1485983408511", r.Path));
        var card = requests[0].Body!;
        Assert.Null(card["text"]);
        Assert.NotNull(card["summary"]);
        Assert.Equal("29:user", card["recipient"]!["id"]!.GetValue<string>());
        var create = requests[^1];
        Assert.Equal("/v3/conversations", create.Path);
        Assert.Equal("19:dept@thread.tacv2", create.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal("tenant-1", create.Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        await NodeActivityValidator.AssertValidAsync(_connector.SentActivities());
    }
}
