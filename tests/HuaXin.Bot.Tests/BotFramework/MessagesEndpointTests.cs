using System.Net;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework;

namespace HuaXin.Bot.Tests.BotFramework;

public sealed class MessagesEndpointTests(MessagesEndpointTests.Host host) : IClassFixture<MessagesEndpointTests.Host>
{
    public sealed class Host : IDisposable
    {
        public BotAppFactory App { get; } = new();
        public void Dispose() => App.Dispose();
    }

    private HttpClient Client => host.App.CreateClient();

    [Fact]
    public async Task Real_Teams_message_is_acknowledged_and_queued_with_its_reply_address()
    {
        var activity = Fixtures.Load("teams-personal-message.json");

        var response = await Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (turn, address) = host.App.Inbound.Accepted["msteams:1485983408511"];
        Assert.Equal("msteams", turn.Channel);
        Assert.Equal("Hello Teams TestBot.Sending bold-italic rich text", turn.Text);
        Assert.Equal("Megan Bowen", turn.UserName);
        Assert.Equal("en-US", turn.Locale);
        // Finding 16: a Teams user is keyed by the Entra object id; the address keeps from.id for the Connector.
        Assert.Equal("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", turn.UserId);
        var parsed = BotAddress.Parse(address);
        Assert.StartsWith("29:1XJKJ", parsed.UserId);
        Assert.Equal("https://smba.trafficmanager.net/amer/", parsed.ServiceUrl);
        Assert.Equal("1485983408511", parsed.ReplyToId);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", parsed.TenantId);
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", parsed.BotId);
    }

    [Fact]
    public async Task Bot_mention_is_stripped_in_a_channel_and_other_mentions_become_names()
    {
        var response = await Client.PostActivityAsync(Fixtures.Load("teams-channel-mention.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (turn, _) = host.App.Inbound.Accepted["msteams:1600000000001"];
        Assert.Equal("困难职工帮扶怎么申请？请 李娜 也看看", turn.Text);
        Assert.Equal("19:abc123@thread.tacv2;messageid=1600000000000", turn.ConversationId);
    }

    [Fact]
    public async Task Redelivered_activity_is_acknowledged_but_accepted_once()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "redelivered-1";

        var first = await Client.PostActivityAsync(activity);
        var second = await Client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(host.App.Inbound.Accepted.Keys, k => k == "msteams:redelivered-1");
    }

    [Fact]
    public async Task Card_submit_value_becomes_the_turn_value()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "submit-1";
        activity["text"] = "确认";
        activity.Remove("attachments");
        // What Teams posts for our messageBack button: text and the button data as value.
        activity["value"] = new JsonObject { ["action"] = "确认", ["request"] = "r-1" };

        await Client.PostActivityAsync(activity);

        var (turn, _) = host.App.Inbound.Accepted["msteams:submit-1"];
        Assert.Equal("确认", turn.Value!["action"]);
        Assert.Equal("r-1", turn.Value["request"]);
    }

    [Fact]
    public async Task ExpectReplies_runs_the_turn_synchronously_and_returns_valid_activities()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        host.App.Bot.Reply = turn => [SampleMessages.Answer(turn.Text ?? "")];
        activity["id"] = "expect-1";
        activity["deliveryMode"] = "expectReplies";
        activity["text"] = "帮扶怎么申请";

        // A test client of the bot's own app registration (as skills and the SDK's test clients call).
        var response = await Client.PostActivityAsync(activity, TestTokens.CreateEntra(TestTokens.AppId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var activities = body["activities"]!.AsArray();
        var reply = Assert.Single(activities)!;
        Assert.Equal("expect-1", reply["replyToId"]!.GetValue<string>());
        Assert.Equal("28:c9e8c047-2a74-40a2-b28a-b162d5f5327c", reply["from"]!["id"]!.GetValue<string>());
        Assert.Equal(AdaptiveCards.ContentType, reply["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Contains("帮扶", reply["text"]!.GetValue<string>());
        Assert.False(host.App.Inbound.Accepted.ContainsKey("msteams:expect-1"));
        await NodeActivityValidator.AssertValidAsync(activities.Select(a => a!));
    }

    [Fact]
    public async Task Bot_added_to_a_chat_sends_the_welcome_card_through_the_outbox()
    {
        var response = await Client.PostActivityAsync(Fixtures.Load("teams-bot-added.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(host.App.Outbox.Messages, m => m.Key == "welcome:msteams:f:1234");
        Assert.Equal("msteams", welcome.Channel);
        Assert.Equal("welcome", welcome.Message.Card!.Kind);
        Assert.Equal("a:1personal", BotAddress.Parse(welcome.Address).ConversationId);
    }

    [Fact]
    public async Task Action_Execute_answers_with_the_refreshed_card_in_the_invoke_response()
    {
        host.App.Bot.Reply = turn => turn.Value?["action"] == "受理" ? [SampleMessages.Ticket("已受理")] : [SampleMessages.PlainText()];

        var response = await Client.PostActivityAsync(Fixtures.Load("teams-action-execute.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal(AdaptiveCards.ContentType, body["type"]!.GetValue<string>());
        Assert.Contains("已受理", body["value"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("Action.Execute", body["value"]!["actions"]![0]!["type"]!.GetValue<string>());
        var turn = Assert.Single(host.App.Bot.Turns, t => t.Value?.GetValueOrDefault("ticket") == "HX-20261123-0001");
        Assert.Equal("受理", turn.Value!["action"]);
    }

    [Fact]
    public async Task Typing_is_acknowledged_and_ignored()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["type"] = "typing";
        activity["id"] = "typing-1";
        var response = await Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(host.App.Inbound.Accepted.ContainsKey("msteams:typing-1"));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\",\"value\":{\"a\":1,\"a\":2}}")] // a key twice
    [InlineData("{\"type\":\"message\",\"membersA\\udded\":[]}")] // a name that is not text
    public async Task Body_that_is_not_an_activity_is_400_with_a_message(string body)
    {
        var response = await Client.PostActivityAsync(Fixtures.Load("teams-personal-message.json"), rawBody: body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Activity", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Activity_nested_deeper_than_its_reply_can_echo_is_400_and_not_run()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "deep";
        activity["deliveryMode"] = "expectReplies";
        // As deep as JSON's 64 levels let a body be read; the reply echoes the conversation two levels further down.
        activity["conversation"]!["extra"] = "deep";
        var body = activity.ToJsonString().Replace("\"deep\"}", new string('[', 62) + new string(']', 62) + "}");
        var turns = host.App.Bot.Turns.Count;

        var response = await Client.PostActivityAsync(activity, rawBody: body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(turns, host.App.Bot.Turns.Count);
    }

    [Theory]
    [InlineData("\"from\":{\"id\":\"\\u0000\"", "nul-from")]
    [InlineData("\"value\":{\"type\":\"\\uDCA5\"}", "lone-surrogate")]
    public async Task A_sender_id_with_control_characters_or_a_value_that_is_not_text_is_400_and_not_run(string member, string id)
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = id;
        activity.Remove("from");
        activity.Remove("value");
        var body = activity.ToJsonString().Replace("\"id\":\"" + id + "\"", "\"id\":\"" + id + "\"," + member
            + (member.StartsWith("\"value\"") ? ",\"from\":{\"id\":\"29:u\"}" : ""));
        var turns = host.App.Bot.Turns.Count;

        var response = await Client.PostActivityAsync(activity, rawBody: body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(turns, host.App.Bot.Turns.Count);
        Assert.False(host.App.Inbound.Accepted.ContainsKey($"msteams:{id}"));
    }

    [Fact]
    public async Task Message_without_conversation_is_400_and_not_queued()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "no-conversation";
        activity.Remove("conversation");
        var response = await Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(host.App.Inbound.Accepted.Keys, k => k.EndsWith("no-conversation"));
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "huge";
        activity["text"] = new string('长', 70_000);
        var response = await Client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(host.App.Inbound.Accepted.Keys, k => k.EndsWith("huge"));
    }
}
