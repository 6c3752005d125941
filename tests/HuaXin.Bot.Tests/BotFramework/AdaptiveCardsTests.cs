using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework;

namespace HuaXin.Bot.Tests.BotFramework;

public sealed class AdaptiveCardsTests
{
    [Fact]
    public void Answer_card_has_citations_and_feedback_buttons_as_submit_with_messageBack()
    {
        var activity = SampleMessages.Answer("帮扶").ToActivity(recipientId: "29:user");

        var card = activity.Attachments![0].Content!.AsObject();
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Contains("《困难职工帮扶救助管理办法》", card["body"]!.ToJsonString(Relaxed));
        var actions = card["actions"]!.AsArray();
        Assert.Equal(["有用", "没用"], actions.Select(a => a!["title"]!.GetValue<string>()));
        var data = actions[0]!["data"]!;
        Assert.Equal("Action.Submit", actions[0]!["type"]!.GetValue<string>());
        Assert.Equal("有用", data["action"]!.GetValue<string>());
        Assert.Equal("messageBack", data["msteams"]!["type"]!.GetValue<string>());
        Assert.Equal("有用", data["msteams"]!["value"]!["action"]!.GetValue<string>());
        // The activity's text is what a client without cards shows; the card does not carry it a second time.
        Assert.NotNull(activity.Text);
        Assert.Null(card["fallbackText"]);
        Assert.Equal(["29:user"], activity.SuggestedActions!.To);
    }

    [Fact]
    public void Ticket_card_uses_Action_Execute_with_verbs_so_it_refreshes_in_place()
    {
        var card = AdaptiveCards.Render(SampleMessages.Ticket("待受理").Card!, "fallback");

        var actions = card["actions"]!.AsArray();
        Assert.All(actions, a => Assert.Equal("Action.Execute", a!["type"]!.GetValue<string>()));
        Assert.Equal(["受理", "转派", "办结"], actions.Select(a => a!["verb"]!.GetValue<string>()));
        Assert.Equal("HX-20261123-0001", actions[0]!["data"]!["ticket"]!.GetValue<string>());
    }

    [Fact]
    public void Summary_card_offers_confirm_modify_cancel()
    {
        var card = AdaptiveCards.Render(SampleMessages.Summary().Card!, "fallback");
        Assert.Equal(["确认", "修改", "取消"], card["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        Assert.Equal("FactSet", card["body"]![1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Web_Chat_submit_value_and_Teams_messageBack_value_map_to_the_same_turn_value()
    {
        var data = SampleMessages.Summary().ToActivity().Attachments![0].Content!["actions"]![0]!["data"]!;
        var webChat = new Activity { Type = "message", Value = data.DeepClone(), From = new() { Id = "u" }, Conversation = new() { Id = "c" } };
        var teams = webChat with { Value = data["msteams"]!["value"]!.DeepClone(), Text = "确认" };

        var fromWebChat = webChat.ToInboundTurn(DateTimeOffset.UnixEpoch);
        var fromTeams = teams.ToInboundTurn(DateTimeOffset.UnixEpoch);

        Assert.Equal(new Dictionary<string, string> { ["action"] = "确认" }, fromWebChat.Value);
        Assert.Equal(fromWebChat.Value, fromTeams.Value);
        Assert.Null(fromWebChat.Text);
        Assert.Equal("zh-CN", fromWebChat.Locale);
    }

    [Fact]
    public void Serialization_omits_nulls_and_keeps_unknown_fields()
    {
        var json = """{"type":"message","text":"hi","locale":"zh-CN","futureField":{"a":1}}""";
        var activity = BotJson.Deserialize(json)!;
        var back = JsonNode.Parse(BotJson.Serialize(activity))!.AsObject();
        Assert.Equal(1, back["futureField"]!["a"]!.GetValue<int>());
        Assert.DoesNotContain(back, p => p.Value is null);
        Assert.False(back.ContainsKey("id"));
    }

    [Fact]
    public async Task Every_kind_of_message_renders_to_an_activity_the_official_schema_accepts()
    {
        var incoming = BotJson.Deserialize(Fixtures.Load("teams-personal-message.json").ToJsonString())!;
        var activities = SampleMessages.All()
            .SelectMany(m => new[] { m.ToActivity(), m.ToActivity(textWithCard: false) })
            .Select(a => JsonNode.Parse(BotJson.Serialize(a.AddressedAsReplyTo(incoming)))!);
        await NodeActivityValidator.AssertValidAsync(activities);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
