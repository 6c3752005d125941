using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    [Fact]
    public async Task Posted_message_is_echoed_with_its_client_id_then_answered()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var posted = await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "你好", "client-1"));
        var set = await host.GetActivitiesAsync(session);

        var activities = set["activities"]!.AsArray();
        Assert.Equal(2, activities.Count);
        var echo = activities[0]!;
        Assert.Equal(posted["id"]!.GetValue<string>(), echo["id"]!.GetValue<string>());
        Assert.Equal("client-1", echo["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("你好", echo["text"]!.GetValue<string>());
        Assert.Equal("directline", echo["channelId"]!.GetValue<string>());
        Assert.Equal(session.ConversationId, echo["conversation"]!["id"]!.GetValue<string>());
        var reply = activities[1]!;
        Assert.Equal("收到：你好", reply["text"]!.GetValue<string>());
        Assert.Equal(echo["id"]!.GetValue<string>(), reply["replyToId"]!.GetValue<string>());
        Assert.Equal(session.UserId, reply["recipient"]!["id"]!.GetValue<string>());
        Assert.Equal("bot", reply["from"]!["role"]!.GetValue<string>());
        Assert.Equal("2", set["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_token_not_the_body_decides_who_is_speaking()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "我是谁"));

        var turn = Assert.Single(host.Bot.Turns);
        Assert.Equal("directline", turn.Channel);
        Assert.Equal(session.ConversationId, turn.ConversationId);
        Assert.Equal(session.UserId, turn.UserId);
        Assert.StartsWith("dl_", turn.UserId);
        var echo = (await host.GetActivitiesAsync(session))["activities"]![0]!;
        Assert.Equal(session.UserId, echo["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_post_of_the_same_client_activity_runs_the_turn_once()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var first = await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "申请帮扶", "same"));
        var second = await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "申请帮扶", "same"));

        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.Single(host.Bot.Turns);
        Assert.Equal(2, (await host.GetActivitiesAsync(session))["activities"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_repeated_post_after_more_ids_than_are_remembered_still_runs_the_turn_once()
    {
        await using var host = new DirectLineHost(new Dictionary<string, string?> { ["RateLimits:Enabled"] = "false" });
        var session = await host.StartAsync();
        var first = await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "申请帮扶", "id-0"));
        // More ids than the store keeps in memory for a conversation: the repeat is then found in the database.
        for (var i = 1; i <= 260; i++)
        {
            await host.PostMessageAsync(session, "申请帮扶", $"id-{i}");
        }

        var repeated = await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "申请帮扶", "id-0"));

        Assert.Equal(first["id"]!.GetValue<string>(), repeated["id"]!.GetValue<string>());
        Assert.Equal(261, host.Bot.Turns.Count);
    }

    [Fact]
    public async Task A_post_cut_off_by_a_crash_mid_turn_is_answered_when_the_client_retries_it()
    {
        using var database = new TestDatabase();
        Session session;
        await using (var crashed = new DirectLineHost(database: database))
        {
            session = await crashed.StartAsync();
            crashed.Bot.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var post = crashed.PostMessageAsync(session, "申请帮扶", "cut-off");
            await crashed.Bot.Entered.Task.WaitAsync(Hang.Guard);
            // The service goes down mid-turn; nothing of the turn may have been stored half.
            await crashed.DisposeAsync();
            try
            {
                Assert.NotEqual(HttpStatusCode.OK, (await post).StatusCode);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                // The connection went with the service.
            }
        }

        await using var restarted = new DirectLineHost(database: database);
        Assert.Empty((await restarted.GetActivitiesAsync(session))["activities"]!.AsArray());
        var retried = await restarted.PostMessageAsync(session, "申请帮扶", "cut-off");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var activities = (await restarted.GetActivitiesAsync(session))["activities"]!.AsArray();
        Assert.Equal(2, activities.Count);
        Assert.Equal("cut-off", activities[0]!["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal("收到：申请帮扶", activities[1]!["text"]!.GetValue<string>());
        Assert.Single(restarted.Bot.Turns);
    }

    [Fact]
    public async Task Cards_go_out_as_adaptive_cards_with_suggested_actions_for_the_conversations_user()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "卡片"));

        var reply = (await host.GetActivitiesAsync(session))["activities"]![1]!;
        var attachment = reply["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", attachment["content"]!["type"]!.GetValue<string>());
        Assert.Equal("查询进度", reply["suggestedActions"]!["actions"]![0]!["title"]!.GetValue<string>());
        // No "to": the conversation has one user, and Web Chat hides actions addressed to an id it cannot read.
        Assert.True(reply["suggestedActions"]!["to"] is null || reply["suggestedActions"]!["to"]!.AsArray().Count == 0);
    }

    [Fact]
    public async Task A_pressed_card_button_reaches_the_bot_as_button_data()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var response = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", session.Token,
            """{"type":"message","value":{"action":"确认提交"},"channelData":{"clientActivityID":"b1"}}""");

        await DirectLineHost.ReadJsonAsync(response);
        var turn = Assert.Single(host.Bot.Turns);
        Assert.Null(turn.Text);
        Assert.Equal("确认提交", turn.Value!["action"]);
    }

    [Fact]
    public async Task Watermarks_page_through_the_conversation_in_order()
    {
        await using var host = new DirectLineHost(new Dictionary<string, string?> { ["DirectLine:PageSize"] = "3" });
        var session = await host.StartAsync();
        foreach (var text in new[] { "一", "二", "三" })
        {
            await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, text));
        }

        var seen = new List<string>();
        string? watermark = null;
        while (true)
        {
            var set = await host.GetActivitiesAsync(session, watermark);
            var page = set["activities"]!.AsArray();
            Assert.True(page.Count <= 3);
            seen.AddRange(page.Select(a => a!["text"]!.GetValue<string>()));
            if (page.Count == 0)
            {
                Assert.Equal(watermark, set["watermark"]!.GetValue<string>());
                break;
            }
            watermark = set["watermark"]!.GetValue<string>();
        }

        Assert.Equal(["一", "收到：一", "二", "收到：二", "三", "收到：三"], seen);
    }

    [Fact]
    public async Task A_failing_bot_gives_502_and_an_apology_in_the_chat()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var response = await host.PostMessageAsync(session, "出错");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("BotRejectedActivity", await DirectLineHost.ErrorCodeAsync(response));
        var activities = (await host.GetActivitiesAsync(session))["activities"]!.AsArray();
        Assert.Contains("抱歉", activities[1]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("""{"text":"没有类型"}""")]
    [InlineData("""{"type":"message","text":"你好","channelData":{"clientActivityID":"\uDDCA5"}}""")]
    [InlineData("""{"type":"message","text":"你好","value":{"a":"\uDCA5"}}""")]
    [InlineData("""{"type":"message","text":"你好","value":{"id":[{"serviceUrl":"a","serviceUrl":"b"}]}}""")] // a key twice
    [InlineData("""{"type":"message","text":"你好","na\udded":1}""")] // a name that is not text
    public async Task Malformed_activities_are_rejected_with_400_and_nothing_is_stored(string body)
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var response = await host.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", session.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["message"]!.GetValue<string>()));
        Assert.Empty((await host.GetActivitiesAsync(session))["activities"]!.AsArray());
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task Oversized_activities_are_rejected_with_413()
    {
        await using var host = new DirectLineHost(new Dictionary<string, string?> { ["DirectLine:MaxActivityBytes"] = "2048" });
        var session = await host.StartAsync();

        var response = await host.PostMessageAsync(session, new string('长', 2000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await DirectLineHost.ErrorCodeAsync(response));
        Assert.Empty((await host.GetActivitiesAsync(session))["activities"]!.AsArray());
    }

    [Fact]
    public async Task Starting_the_same_conversation_again_is_200_and_reconnect_gives_a_fresh_stream_url()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();

        var again = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", session.Token, "{}");
        var reconnect = await DirectLineHost.ReadJsonAsync(await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=5", session.Token));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(session.ConversationId, reconnect["conversationId"]!.GetValue<string>());
        Assert.Contains("watermark=5", reconnect["streamUrl"]!.GetValue<string>());
        Assert.StartsWith("ws://", reconnect["streamUrl"]!.GetValue<string>());
    }
}
