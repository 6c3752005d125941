using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.DingTalk.Groups;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.DingTalk;

public sealed class CallbackTests(CallbackFixture host) : IClassFixture<CallbackFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private FakeDingTalk Fake => host.Fake;

    [Fact]
    public async Task Signed_message_gets_200_and_exactly_one_reply_through_the_session_webhook()
    {
        var id = NewId();
        using var response = await PostAsync(RobotMessages.Text(Fake, id, "  你好"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Fake.WaitForSentAsync(m => m.Target == id, Guard);
        Assert.Equal("webhook", reply.Kind);
        Assert.Equal("收到：你好", reply.Text);
        await AssertAnsweredOnceAsync(id);
    }

    [Fact]
    public async Task Redelivered_message_is_answered_once()
    {
        var id = NewId();
        var body = RobotMessages.Text(Fake, id, "重复的消息");
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Fake.WaitForSentAsync(m => m.Target == id, Guard);
        await AssertAnsweredOnceAsync(id);
        Assert.Equal(1, await host.StoredInboundAsync(id));
    }

    [Fact]
    public async Task Bad_signature_is_401_and_nothing_is_stored()
    {
        var id = NewId();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var response = await PostAsync(RobotMessages.Text(Fake, id, "你好"), timestamp, DingTalkSignature.Compute("wrong-secret", timestamp));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await host.StoredInboundAsync(id));
    }

    [Fact]
    public async Task Stale_timestamp_is_401_even_with_a_correct_signature()
    {
        var id = NewId();
        var timestamp = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds();
        using var response = await PostAsync(RobotMessages.Text(Fake, id, "你好"), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await host.StoredInboundAsync(id));
    }

    [Fact]
    public async Task Missing_signature_headers_are_401()
    {
        using var content = new StringContent(RobotMessages.Text(Fake, NewId(), "你好"), Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/dingtalk/callback", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Malformed_json_is_400_with_a_clear_message()
    {
        using var response = await PostAsync("{\"msgId\": \"broken\", ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a valid robot message", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await host.StoredInboundAsync("broken"));
    }

    [Fact]
    public async Task Body_without_msgId_is_400()
    {
        using var response = await PostAsync("{\"msgtype\":\"text\"}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("msgId", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var huge = RobotMessages.Text(Fake, NewId(), new string('长', 40_000));
        using var response = await PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Official_sample_payload_is_accepted()
    {
        // The sample is a group message whose webhook points at DingTalk itself; only its acceptance is checked here.
        using var response = await PostAsync(RobotMessages.OfficialSample);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Expired_session_webhook_falls_back_to_one_to_one_openapi_message()
    {
        var id = NewId();
        using var response = await PostAsync(RobotMessages.Text(Fake, id, "过期了", staffId: "staff-expired", webhookExpires: DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = await Fake.WaitForSentAsync(m => m.Kind == "oto" && m.Text == "收到：过期了", Guard);
        Assert.Equal("[\"staff-expired\"]", reply.Target);
        Assert.Equal("sampleText", (string?)reply.Body["msgKey"]);
        Assert.Equal(FakeDingTalk.AppKey, (string?)reply.Body["robotCode"]);
    }

    [Fact]
    public async Task Webhook_refused_as_expired_falls_back_to_openapi()
    {
        var id = NewId();
        Fake.ExpiredSessions[id] = true;
        using var response = await PostAsync(RobotMessages.Text(Fake, id, "会话失效", staffId: "staff-refused"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = await Fake.WaitForSentAsync(m => m.Kind == "oto" && m.Text == "收到：会话失效", Guard);
        Assert.Equal("[\"staff-refused\"]", reply.Target);
    }

    [Fact]
    public async Task Throttled_webhook_is_retried_and_delivered_once()
    {
        var id = NewId();
        Fake.Faults.Enqueue(Fault.Throttle90002);
        Fake.Faults.Enqueue(Fault.ServerError);
        using var response = await PostAsync(RobotMessages.Text(Fake, id, "限流"));

        var reply = await Fake.WaitForSentAsync(m => m.Target == id, Guard);
        Assert.Equal("收到：限流", reply.Text);
        await AssertAnsweredOnceAsync(id);
    }

    [Fact]
    public async Task Voice_message_transcript_is_treated_as_text()
    {
        var id = NewId();
        var audio = RobotMessages.WithType(RobotMessages.Text(Fake, id, ""), "audio", new JsonObject { ["recognition"] = "我想咨询帮扶", ["downloadCode"] = "dc1" });
        using var response = await PostAsync(audio);

        var reply = await Fake.WaitForSentAsync(m => m.Target == id, Guard);
        Assert.Equal("收到：我想咨询帮扶", reply.Text);
    }

    [Fact]
    public async Task Picture_gets_a_polite_request_for_text()
    {
        var id = NewId();
        var picture = RobotMessages.WithType(RobotMessages.Text(Fake, id, ""), "picture", new JsonObject { ["downloadCode"] = "dc2" });
        using var response = await PostAsync(picture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Fake.WaitForSentAsync(m => m.Target == id, Guard);
        Assert.Contains("请发送文字消息", reply.Text);
        Assert.Equal(0, await host.StoredInboundAsync(id));
    }

    [Fact]
    public async Task Card_reply_is_rendered_as_markdown_with_reply_hints()
    {
        var id = NewId();
        using var response = await PostAsync(RobotMessages.Text(Fake, id, "卡片"));

        var reply = await Fake.WaitForSentAsync(m => m.Target == id, Guard);
        Assert.Equal("markdown", (string?)reply.Body["msgtype"]);
        Assert.Contains("#### 困难职工帮扶", reply.Text);
        Assert.Contains("- **来源**：《困难职工帮扶救助管理办法》第五条", reply.Text);
        Assert.Contains("> 您可以回复：「确认」 「有用」 「没用」", reply.Text);
    }

    [Fact]
    public async Task Admin_binds_and_unbinds_a_department_group()
    {
        var group = "cid-group-" + NewId();
        var bind = NewId();
        using (var response = await PostAsync(RobotMessages.Group(Fake, bind, "@华新助手 绑定部门 集团工会", DingTalkAppFactory.Admin, group)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var confirmation = await Fake.WaitForSentAsync(m => m.Target == bind, Guard);
        Assert.Contains("集团工会", confirmation.Text);
        Assert.Equal($"[\"{DingTalkAppFactory.Admin}\"]", confirmation.Body["at"]!["atUserIds"]!.ToJsonString());
        var directory = host.Factory.Services.GetRequiredService<IDepartmentGroupDirectory>();
        Assert.Equal(group, await directory.FindGroupAsync("集团工会", Guard));

        var unbind = NewId();
        using (await PostAsync(RobotMessages.Group(Fake, unbind, " 解除绑定", DingTalkAppFactory.Admin, group)))
        {
        }
        var undone = await Fake.WaitForSentAsync(m => m.Target == unbind, Guard);
        Assert.Contains("已解除", undone.Text);
        Assert.Null(await directory.FindGroupAsync("集团工会", Guard));
    }

    [Fact]
    public async Task Redelivered_group_command_is_answered_once()
    {
        var group = "cid-group-" + NewId();
        var id = NewId();
        var body = RobotMessages.Group(Fake, id, "绑定部门 后勤管理中心", DingTalkAppFactory.Admin, group);
        for (var i = 0; i < 3; i++)
        {
            using var response = await PostAsync(body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await Fake.WaitForSentAsync(m => m.Target == id, Guard);
        await AssertAnsweredOnceAsync(id);
        Assert.Equal(group, await host.Factory.Services.GetRequiredService<IDepartmentGroupDirectory>().FindGroupAsync("后勤管理中心", Guard));
    }

    [Fact]
    public async Task Non_admin_cannot_bind_and_unknown_departments_are_named()
    {
        var group = "cid-group-" + NewId();
        var refused = NewId();
        using (await PostAsync(RobotMessages.Group(Fake, refused, "绑定部门 团委", "worker42", group)))
        {
        }
        Assert.Contains("只有系统管理员", (await Fake.WaitForSentAsync(m => m.Target == refused, Guard)).Text);

        var unknown = NewId();
        using (await PostAsync(RobotMessages.Group(Fake, unknown, "绑定部门 财务部", DingTalkAppFactory.Admin, group)))
        {
        }
        Assert.Contains("没有找到部门「财务部」", (await Fake.WaitForSentAsync(m => m.Target == unknown, Guard)).Text);

        var chatter = NewId();
        using (await PostAsync(RobotMessages.Group(Fake, chatter, "今天食堂吃什么", "worker42", group)))
        {
        }
        Assert.Contains("私聊", (await Fake.WaitForSentAsync(m => m.Target == chatter, Guard)).Text);
        Assert.Null(await host.Factory.Services.GetRequiredService<IDepartmentGroupDirectory>().FindGroupAsync("团委", Guard));
        Assert.Equal(0, await host.StoredInboundAsync(chatter));
    }

    /// <summary>Sends a later message and waits for its answer: replies leave the outbox in order, so any duplicate
    /// of <paramref name="msgId"/>'s answer would have been delivered by then.</summary>
    private async Task AssertAnsweredOnceAsync(string msgId)
    {
        var barrier = NewId();
        using (await PostAsync(RobotMessages.Text(Fake, barrier, "barrier")))
        {
        }
        await Fake.WaitForSentAsync(m => m.Target == barrier, Guard);
        Assert.Equal(1, Fake.CountSent(m => m.Target == msgId));
    }

    private Task<HttpResponseMessage> PostAsync(string body, long? timestamp = null, string? sign = null) =>
        host.Client.SendAsync(RobotMessages.Callback(body, timestamp, sign));

    private static string NewId() => "msg" + Guid.NewGuid().ToString("N");
}
