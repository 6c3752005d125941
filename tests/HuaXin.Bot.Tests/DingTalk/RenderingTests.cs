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
