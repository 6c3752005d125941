using HuaXin.Bot.DingTalk;
using HuaXin.Bot.DingTalk.OpenApi;
using HuaXin.Bot.DingTalk.Sending;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.DingTalk;

public sealed class RenderingTests
{
    [Fact]
    public void Plain_text_stays_text()
    {
        var message = DingTalkMarkdown.Render(new OutboundMessage("您好，请问有什么可以帮您？"));

        Assert.False(message.IsMarkdown);
        Assert.Equal("sampleText", message.MsgKey);
        Assert.Equal("{\"content\":\"您好，请问有什么可以帮您？\"}", message.MsgParam());
    }

    [Fact]
    public void Answer_card_renders_title_body_one_line_facts_and_one_list_of_replies()
    {
        var card = new Card("answer", "困难职工帮扶救助", "一、救助对象\n二、救助标准",
            [new CardFact("出处", "《困难职工帮扶救助管理办法》第二章 第五条"), new CardFact("原文", "第一款\n第二款")],
            [new CardButton("有帮助", "有用", new Dictionary<string, string> { ["action"] = "有用" }),
             new CardButton("转人工", "转人工", new Dictionary<string, string> { ["action"] = "转人工" })]);

        var message = DingTalkMarkdown.Render(new OutboundMessage("文字版", card, ["有用", "查看进度"]));

        Assert.True(message.IsMarkdown);
        Assert.Equal("困难职工帮扶救助", message.Title);
        Assert.Equal(
            "#### 困难职工帮扶救助\n\n一、救助对象\n\n二、救助标准\n\n- **出处**：《困难职工帮扶救助管理办法》第二章 第五条\n- **原文**：第一款 第二款\n\n> 您可以回复：「有用」 「转人工」 「查看进度」",
            message.Text);
    }

    [Fact]
    public void Link_buttons_make_an_action_card_and_the_other_buttons_stay_replies()
    {
        var card = new Card("ticket", "新工单 HX-20261123-0001", "水管爆了", [new CardFact("状态", "待受理")],
            [new CardButton("受理", "受理 HX-20261123-0001", new Dictionary<string, string> { ["action"] = "受理 HX-20261123-0001", ["url"] = "https://hx.example/console/act/a" }),
             new CardButton("转派", "转派 HX-20261123-0001", new Dictionary<string, string> { ["action"] = "转派 HX-20261123-0001" }),
             new CardButton("办结", "办结 HX-20261123-0001", new Dictionary<string, string> { ["action"] = "办结 HX-20261123-0001", ["url"] = "https://hx.example/console/act/b" })]);

        var message = DingTalkMarkdown.Render(new OutboundMessage("文字版", card));

        Assert.Equal("sampleActionCard2", message.MsgKey);
        var param = System.Text.Json.Nodes.JsonNode.Parse(message.MsgParam())!;
        Assert.Equal(("受理", "https://hx.example/console/act/a"), ((string)param["actionTitle1"]!, (string)param["actionURL1"]!));
        Assert.Equal(("办结", "https://hx.example/console/act/b"), ((string)param["actionTitle2"]!, (string)param["actionURL2"]!));
        Assert.EndsWith("> 您可以回复：「转派 HX-20261123-0001」", (string)param["text"]!);
        var webhook = System.Text.Json.JsonSerializer.SerializeToNode(message.WebhookBody([]))!;
        Assert.Equal("actionCard", (string)webhook["msgtype"]!);
        Assert.Equal("https://hx.example/console/act/b", (string)webhook["actionCard"]!["btns"]![1]!["actionURL"]!);

        var single = message with { Links = [message.Links[0]] };
        Assert.Equal("sampleActionCard", single.MsgKey);
        Assert.Equal("https://hx.example/console/act/a", (string)System.Text.Json.Nodes.JsonNode.Parse(single.MsgParam())!["singleURL"]!);
    }

    [Fact]
    public void A_split_action_card_keeps_its_buttons_on_the_last_part()
    {
        var message = new DingTalkMessage("工单", string.Join("\n\n", Enumerable.Repeat(new string('长', 300), 40)), IsMarkdown: true)
        {
            Links = [new DingTalkLink("受理", "https://hx.example/console/act/a")],
        };

        var parts = message.SplitToLimit(4_000);

        Assert.True(parts.Count > 1);
        Assert.All(parts.SkipLast(1), p => Assert.Equal("sampleMarkdown", p.MsgKey));
        Assert.Equal("sampleActionCard", parts[^1].MsgKey);
        Assert.All(parts, p => Assert.True(System.Text.Encoding.UTF8.GetByteCount(p.MsgParam()) <= 4_000));
    }

    [Fact]
    public void Splitter_prefers_paragraph_boundaries()
    {
        var parts = MessageSplitter.Split("aaaa\n\nbbbb\n\ncccc", 12, s => s.Length);
        Assert.Equal(["aaaa\n\nbbbb", "cccc"], parts);

        var hard = MessageSplitter.Split(new string('x', 50), 16, s => s.Length);
        Assert.All(hard, p => Assert.True(p.Length <= 16));
        Assert.Equal(new string('x', 50), string.Concat(hard));
    }

    [Fact]
    public void Ban_and_qps_bodies_are_recognised_as_throttling()
    {
        Assert.True(DingTalkThrottling.IsThrottleBody("{\"status\":1111,\"wait\":5,\"punish\":\"deny\"}"u8));
        Assert.True(DingTalkThrottling.IsThrottleBody("{\"errcode\":90002,\"errmsg\":\"qps\"}"u8));
        Assert.False(DingTalkThrottling.IsThrottleBody("{\"errcode\":0}"u8));
        Assert.False(DingTalkThrottling.IsThrottleBody("<html>"u8));
    }

    [Fact]
    public async Task Access_token_is_refreshed_five_minutes_before_expiry()
    {
        var time = new FakeTimeProvider();
        var cache = new AccessTokenCache(time);
        var fetches = 0;
        Task<AccessToken> Fetch(CancellationToken _) => Task.FromResult(new AccessToken($"t{++fetches}", TimeSpan.FromSeconds(7200)));

        Assert.Equal("t1", await cache.GetAsync(Fetch, default));
        time.Advance(TimeSpan.FromMinutes(114));
        Assert.Equal("t1", await cache.GetAsync(Fetch, default));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("t2", await cache.GetAsync(Fetch, default));
    }

    [Fact]
    public void Callback_and_stream_modes_require_key_and_secret()
    {
        var validator = new DingTalkOptionsValidator();

        Assert.True(validator.Validate(null, new DingTalkOptions()).Succeeded);
        var result = validator.Validate(null, new DingTalkOptions { Mode = DingTalkMode.Stream, AppKey = "k" });
        Assert.True(result.Failed);
        Assert.Contains("DingTalk:AppSecret is required", result.FailureMessage);
    }

    [Fact]
    public void Leading_mentions_and_whitespace_are_stripped()
    {
        var message = new RobotMessage("m", "text", "c", "2", null, "s", null, null, null, null, null, null, new RobotText(" @华新助手  绑定部门 集团工会 "), null);
        Assert.Equal("绑定部门 集团工会", RobotMessageParser.ExtractText(message));
    }
}
