using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Data;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>Findings 13 and 17 over the signed callback: replies only ever go to DingTalk's hosts, a future timestamp is
/// refused, rich text is read, and a mention does not eat the words after it.</summary>
public sealed class DingTalkCallbackTrustTests(CallbackFixture host) : IClassFixture<CallbackFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private FakeDingTalk Fake => host.Fake;

    private async Task<HttpResponseMessage> PostAsync(string body, long? timestamp = null) =>
        await host.Client.SendAsync(RobotMessages.Callback(body, timestamp));

    private static string NewId() => "msg" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_session_webhook_outside_DingTalk_is_never_called_and_the_answer_goes_through_the_OpenAPI()
    {
        await using var elsewhere = await FakeDingTalk.StartAsync();
        var id = NewId();
        var body = JsonNode.Parse(RobotMessages.Text(Fake, id, "绑定码", staffId: "worker-13"))!;
        body["sessionWebhook"] = elsewhere.WebhookUrl(id);

        using var response = await PostAsync(body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await Fake.WaitForSentAsync(m => m.Kind == "oto" && m.Target.Contains("worker-13"), Guard);
        Assert.Equal("收到：绑定码", answer.Text);
        Assert.Empty(elsewhere.AllSent);
    }

    [Fact]
    public async Task A_callback_signed_for_the_future_is_refused_beyond_a_small_skew()
    {
        var late = NewId();
        var soon = NewId();

        using var future = await PostAsync(RobotMessages.Text(Fake, late, "你好"), DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeMilliseconds());
        using var skewed = await PostAsync(RobotMessages.Text(Fake, soon, "你好"), DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds());

        Assert.Equal(HttpStatusCode.Unauthorized, future.StatusCode);
        Assert.Equal(0, await host.StoredInboundAsync(late));
        Assert.Equal(HttpStatusCode.OK, skewed.StatusCode);
    }

    [Fact]
    public async Task A_rich_text_message_is_read_as_its_text()
    {
        var id = NewId();
        var rich = RobotMessages.WithType(RobotMessages.Text(Fake, id, ""), "richText", new JsonObject
        {
            ["richText"] = new JsonArray(
                new JsonObject { ["type"] = "picture", ["downloadCode"] = "abc", ["pictureDownloadCode"] = "def" },
                new JsonObject { ["text"] = "家里水管" },
                new JsonObject { ["text"] = "坏了" }),
        });

        using var response = await PostAsync(rich);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("收到：家里水管坏了", (await Fake.WaitForSentAsync(m => m.Target == id, Guard)).Text);
    }

    [Theory]
    [InlineData("@张三请帮忙看看", "@张三请帮忙看看")]
    [InlineData("@华新助手 你好", "你好")]
    [InlineData("@华新助手你好", "你好")]
    [InlineData(" @华新助手\u2005@李四 帮忙看看", "帮忙看看")]
    public async Task A_mention_is_removed_up_to_its_space_and_no_further(string said, string read)
    {
        var id = NewId();

        using var response = await PostAsync(RobotMessages.Text(Fake, id, said));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("收到：" + read, (await Fake.WaitForSentAsync(m => m.Target == id, Guard)).Text);
    }
}

/// <summary>Finding 15: DingTalk's new-API errors and batchSend's partial answers, through the outbox and real HTTP.</summary>
public sealed class DingTalkApiErrorTests(CallbackFixture host) : IClassFixture<CallbackFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private FakeDingTalk Fake => host.Fake;

    /// <summary>A one-to-one message whose session webhook has lapsed: the answer goes through oToMessages/batchSend.</summary>
    private async Task<string> AskAsync(string staffId)
    {
        var id = "msg" + Guid.NewGuid().ToString("N");
        var body = RobotMessages.Text(Fake, id, "你好", staffId: staffId, webhookExpires: DateTimeOffset.UtcNow.AddMinutes(-5));
        using var response = await host.Client.SendAsync(RobotMessages.Callback(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return id;
    }

    private async Task<OutboxMessage> SettledAsync(string msgId)
    {
        while (true)
        {
            await using var db = await host.Factory.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
            var row = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.IdempotencyKey == $"reply:dingtalk:{msgId}:0");
            if (row is { Status: WorkStatus.Done or WorkStatus.Parked })
            {
                return row;
            }
            await Task.Delay(100, Guard);
        }
    }

    private int SentTo(string staffId) => Fake.CountSent(m => m.Kind == "oto" && m.Target.Contains(staffId));

    [Theory]
    [InlineData(Fault.QpsLimitForApi)]
    [InlineData(Fault.QpsLimitForAppkeyAndApi)]
    public async Task New_API_throttling_is_retried_and_the_message_delivered_once(Fault throttled)
    {
        Fake.Faults.Enqueue(throttled);
        Fake.Faults.Enqueue(throttled);
        var staff = "staff-" + throttled;

        var row = await SettledAsync(await AskAsync(staff));

        Assert.Equal(WorkStatus.Done, row.Status);
        Assert.Equal(1, SentTo(staff));
    }

    [Fact]
    public async Task A_token_DingTalk_no_longer_takes_is_renewed_and_the_message_delivered()
    {
        await SettledAsync(await AskAsync("staff-warmup"));
        var tokens = Fake.TokenRequests;
        Fake.RevokeTokens();

        var row = await SettledAsync(await AskAsync("staff-rotated"));

        Assert.Equal(WorkStatus.Done, row.Status);
        Assert.Equal(1, SentTo("staff-rotated"));
        Assert.True(Fake.TokenRequests > tokens);
    }

    [Fact]
    public async Task Held_back_recipients_are_not_counted_as_delivered_and_get_the_message_later()
    {
        Fake.Faults.Enqueue(Fault.FlowControlled);

        var row = await SettledAsync(await AskAsync("staff-held"));

        Assert.Equal(WorkStatus.Done, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(1, SentTo("staff-held"));
    }

    [Fact]
    public async Task Unreachable_recipients_and_a_used_up_monthly_quota_park_the_message_at_once()
    {
        Fake.Faults.Enqueue(Fault.InvalidStaff);
        var invalid = await SettledAsync(await AskAsync("staff-gone"));
        Fake.Faults.Enqueue(Fault.MonthlyQuota);
        var quota = await SettledAsync(await AskAsync("staff-quota"));

        Assert.Equal((WorkStatus.Parked, 1), (invalid.Status, invalid.Attempts));
        Assert.Contains("invalidStaffIdList", invalid.LastError);
        Assert.Equal((WorkStatus.Parked, 1), (quota.Status, quota.Attempts));
        Assert.Contains("ApiCountLimitForOrg", quota.LastError);
        Assert.Equal(0, SentTo("staff-gone") + SentTo("staff-quota"));
    }
}

/// <summary>Finding 14: the Stream connection dies without a word (a NAT forgot it); the client notices by its
/// unanswered pings and reconnects, and DingTalk's next message arrives on the new connection.</summary>
public sealed class DingTalkStreamWatchdogTests
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_silently_dropped_connection_is_replaced_and_messages_flow_again()
    {
        await using var fake = await FakeDingTalk.StartAsync();
        await using var relay = TcpRelay.Start(fake.BaseUrl);
        fake.StreamEndpoint = relay.WebSocketUrl("/connect");
        await using var app = new DingTalkAppFactory(fake, DingTalkMode.Stream, settings: new Dictionary<string, string?>
        {
            ["DingTalk:StreamKeepAlive"] = "00:00:00.200",
            ["DingTalk:StreamPingTimeout"] = "00:00:00.500",
        });
        app.StartServer();
        var first = await fake.LiveConnectionAsync(Guard);
        var before = "msg" + Guid.NewGuid().ToString("N");
        await first.SendCallbackAsync("frame-" + before, RobotMessages.Text(fake, before, "断网前"));
        await first.AnswerToAsync("frame-" + before, Guard);

        relay.Blackhole();
        GatewaySocket second;
        while ((second = await fake.Connections.Reader.ReadAsync(Guard)).Ticket == first.Ticket)
        {
        }
        var after = "msg" + Guid.NewGuid().ToString("N");
        await second.SendCallbackAsync("frame-" + after, RobotMessages.Text(fake, after, "断网后"));

        Assert.Equal(200, (int)(await second.AnswerToAsync("frame-" + after, Guard))["code"]!);
        Assert.Equal("收到：断网后", (await fake.WaitForSentAsync(m => m.Target == after, Guard)).Text);
    }
}

/// <summary>Finding 16 in DingTalk: a worker who last wrote to the robot in a group gets the ticket's personal notices
/// one-to-one (oToMessages), not in the group.</summary>
public sealed class DingTalkPersonalNoticeTests(RealBotCallbackFixture host) : IClassFixture<RealBotCallbackFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    [Fact]
    public async Task A_notice_goes_to_the_worker_alone_after_they_wrote_in_a_group()
    {
        var fake = host.Fake;
        var ticket = await host.Factory.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "home_repair", "后勤管理中心", "dingtalk", "worker-16", "刘师傅", new Dictionary<string, string>(), "家里水管坏了", false, TimeSpan.FromHours(4)), default);
        var inGroup = "msg" + Guid.NewGuid().ToString("N");
        using (var response = await host.Client.SendAsync(RobotMessages.Callback(RobotMessages.Group(fake, inGroup, $"补充 {ticket.Number} 地址是3号楼", "worker-16", "cid-family-group"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        await fake.WaitForSentAsync(m => m.Target == inGroup, Guard);

        var accept = "msg" + Guid.NewGuid().ToString("N");
        using (var response = await host.Client.SendAsync(RobotMessages.Callback(RobotMessages.Text(fake, accept, $"受理 {ticket.Number}", staffId: DingTalkAppFactory.RepairStaff))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var notice = await fake.WaitForSentAsync(m => m.Text.Contains("已由后勤管理中心"), Guard);
        Assert.Equal("oto", notice.Kind);
        Assert.Contains("worker-16", notice.Target);
        Assert.DoesNotContain(fake.AllSent, m => m.Text.Contains("已由后勤管理中心") && m.Kind != "oto");
    }
}
