using HuaXin.Bot.DingTalk;
using HuaXin.Bot.DingTalk.OpenApi;
using HuaXin.Bot.DingTalk.Sending;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>The OpenAPI client and the channel sender against the fake, without the host.</summary>
public sealed class OpenApiTests : IAsyncLifetime
{
    private FakeDingTalk _fake = null!;
    private ServiceProvider _services = null!;

    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public async Task InitializeAsync()
    {
        _fake = await FakeDingTalk.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DingTalk:AppKey"] = FakeDingTalk.AppKey,
            ["DingTalk:AppSecret"] = FakeDingTalk.AppSecret,
            ["DingTalk:ApiBaseUrl"] = _fake.BaseUrl.ToString().TrimEnd('/'),
            ["DingTalk:RetryBaseDelay"] = "00:00:00.010",
            ["DingTalk:MaxRetryAttempts"] = "3",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddDingTalk(configuration);
        // The sender links ticket cards to the console; with no public address configured it leaves them alone.
        services.AddDataProtection();
        services.AddSingleton<HuaXin.Bot.StaffConsole.ActionLinks>();
        services.AddSingleton<IButtonLinks>(sp => sp.GetRequiredService<HuaXin.Bot.StaffConsole.ActionLinks>());
        _services = services.BuildServiceProvider();
    }

    private DingTalkApiClient Api => _services.GetRequiredService<DingTalkApiClient>();

    private static DingTalkMessage Text(string text) => new("通知", text, IsMarkdown: false);

    [Fact]
    public async Task Access_token_is_fetched_once_and_reused()
    {
        await Api.SendToGroupAsync("cid-1", Text("一"), null, Guard);
        await Api.SendToUsersAsync(["u1"], Text("二"), null, Guard);

        Assert.Equal(1, _fake.TokenRequests);
        Assert.Equal(2, _fake.AllSent.Count);
        Assert.Equal(FakeDingTalk.AppKey, (string?)_fake.AllSent.First().Body["robotCode"]);
    }

    [Theory]
    [InlineData(Fault.Throttle90002)]
    [InlineData(Fault.IpBan)]
    [InlineData(Fault.TooManyRequests)]
    [InlineData(Fault.ServerError)]
    public async Task Throttling_and_server_errors_are_retried_until_delivered_once(Fault fault)
    {
        _fake.Faults.Enqueue(fault);
        _fake.Faults.Enqueue(fault);

        await Api.SendToGroupAsync("cid-retry", Text("重试"), null, Guard);

        Assert.Equal(1, _fake.CountSent(m => m.Target == "cid-retry"));
        Assert.True(_fake.Faults.IsEmpty);
    }

    [Fact]
    public async Task Persistent_throttling_surfaces_as_a_retryable_error_for_the_outbox()
    {
        for (var i = 0; i < 4; i++)
        {
            _fake.Faults.Enqueue(Fault.Throttle90002);
        }

        await Assert.ThrowsAsync<DingTalkApiException>(() => Api.SendToGroupAsync("cid-busy", Text("忙"), null, Guard));
        Assert.Equal(0, _fake.CountSent(m => m.Target == "cid-busy"));
    }

    [Fact]
    public async Task Circuit_opens_after_repeated_failures_and_stops_calling_dingtalk()
    {
        for (var i = 0; i < 40; i++)
        {
            _fake.Faults.Enqueue(Fault.ServerError);
        }
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => Api.SendToGroupAsync("cid-down", Text("故障"), null, Guard));
        }
        var faultsLeft = _fake.Faults.Count;

        await Assert.ThrowsAsync<Polly.CircuitBreaker.BrokenCircuitException>(() => Api.SendToGroupAsync("cid-down", Text("故障"), null, Guard));
        Assert.Equal(faultsLeft, _fake.Faults.Count);
    }

    [Fact]
    public async Task Long_markdown_is_split_on_paragraphs_within_the_msgParam_limit()
    {
        var paragraphs = Enumerable.Range(1, 60).Select(i => $"第{i}段：" + new string('帮', 150)).ToList();
        var message = new OutboundMessage(string.Join("\n\n", paragraphs), SuggestedReplies: ["有用"]);
        var sender = _services.GetServices<IChannelSender>().Single(s => s.Channel == "dingtalk");
        var address = DingTalkReplyAddress.Group("cid-long").ToJson();

        await sender.SendAsync(new OutboxItem(1, "dingtalk", address, message, "k1", 1), Guard);

        var parts = _fake.AllSent.Where(m => m.Target == "cid-long").ToList();
        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount((string)p.Body["msgParam"]!) <= 15_000));
        var joined = string.Join("\n\n", parts.Select(p => p.Text));
        Assert.All(paragraphs, p => Assert.Contains(p + "\n", joined + "\n"));
    }

    [Fact]
    public async Task Expired_webhook_address_without_staff_id_is_a_permanent_failure()
    {
        var sender = _services.GetServices<IChannelSender>().Single(s => s.Channel == "dingtalk");
        var address = new DingTalkReplyAddress("cid-x", "1", _fake.WebhookUrl("old"), DateTimeOffset.UtcNow.AddMinutes(-1), null, null).ToJson();

        await Assert.ThrowsAsync<PermanentDeliveryException>(() =>
            sender.SendAsync(new OutboxItem(2, "dingtalk", address, new OutboundMessage("你好"), "k2", 1), Guard));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }
}
