using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

/// <summary>The fitted danger model as shipped (knowledge/danger-model.json) behind the cues: plain emergencies in
/// words, past or hypothetical mentions and ordinary requests. Messages written for this test, not from any eval set.</summary>
public sealed class DangerModelTests
{
    private static readonly DangerDetector Detector = new(TestData.Taxonomy, TestData.DangerModel);

    [Theory]
    [InlineData("厨房油锅蹿起老高的火 压不住了", "fire")]
    [InlineData("俺爷爷在炕上躺着 怎么推都不动弹 嘴唇乌青", "medical")]
    [InlineData("我真的撑不住了 药都准备好了 今晚就走", "self_harm")]
    [InlineData("活不下去了 想问问有什么补助", "self_harm")]
    [InlineData("河水漫过桥了 村里的路冲断了 老人还困在家里", "disaster")]
    [InlineData("屋里一股怪味 俺和媳妇都头昏脑涨的", "gas")]
    [InlineData("绳子都挂在房梁上了 孩子们别怪我", "self_harm")]
    [InlineData("俺闺女发消息说在江边坐着 说以后别找她了", "self_harm")]
    [InlineData("存折密码写在纸上了 东西都分给孩子们了 以后不麻烦你们了", "self_harm")]
    [InlineData("我 想 结束 这 一切", "self_harm")]
    public void Dangers_are_recognised_with_their_kind(string text, string? kind)
    {
        var signal = Detector.Detect(text);
        Assert.NotNull(signal);
        if (kind is not null) Assert.Equal(kind, signal.Kind.Kind);
    }

    [Theory]
    [InlineData("俺爹前年做过心脏搭桥 现在想问问复查能报销多少")]
    [InlineData("工会组织的消防演练是下周几")]
    [InlineData("宿舍空调坏了 热死了 啥时候来修")]
    [InlineData("想给俺娘买份意外险 集团有团购吗")]
    [InlineData("这礼拜忙死了 周末想带娃去河边钓鱼")]
    [InlineData("俺老伴想约个心理咨询师聊聊 退休以后闷得慌")]
    [InlineData("再见")]
    [InlineData("就这样吧 谢谢")]
    [InlineData("游戏里我从楼顶跳下去了 哈哈")]
    [InlineData("想死你了 宝贝闺女")]
    [InlineData("俺爹得了脑梗 在县医院住着 俺在外地回不去 能有人去看看不")]
    public void Ordinary_and_past_messages_are_not_emergencies(string text) => Assert.Null(Detector.Detect(text));

    // The cue names a stroke; the model, not seeing danger in the rest, must not rename it violence or a disaster.
    [Theory]
    [InlineData("俺爹得了脑梗 俺在外地回不去 能有人去看看不")]
    [InlineData("俺娘中风了 俺在外地 能有人去看看不")]
    public void A_cue_keeps_its_kind_when_the_model_sees_no_danger_of_its_own(string text) =>
        Assert.Equal("medical", Detector.Detect(text)?.Kind.Kind);

    [Fact]
    public void The_shipped_model_matches_this_version_and_keeps_the_cues_as_a_floor()
    {
        Assert.InRange(TestData.DangerModel.Threshold, 0.01, 0.99);
        // Whatever the cues find, cue OR model finds too, with the cue words as the reason.
        var cues = new DangerDetector(TestData.Taxonomy.Danger);
        foreach (var text in new[] { "俺爹突然晕倒了叫不醒咋办", "厨房着火了", "活着真累 我不想活了" })
            Assert.Equal(cues.Detect(text)?.Cue, Detector.Detect(text)?.Cue);
    }

    [Fact]
    public async Task A_danger_only_the_model_sees_is_still_told_to_call_at_once()
    {
        var bot = new BotHarness();
        await new DialogScript(bot)
            .User("屋里一股怪味 俺和媳妇都头昏脑涨的", "119", "紧急求助")
            .ReplyLacks("没有找到")
            .RunAsync();
        Assert.True(Assert.Single(bot.Requests.Created).Urgent);
    }
}
