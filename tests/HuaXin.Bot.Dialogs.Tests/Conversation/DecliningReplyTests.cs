using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

/// <summary>A short reply that only declines the bot's own question is not danger; one that declines and tells of
/// danger still is. Sentences written for this test, not from any eval or training set.</summary>
public sealed class DecliningReplyTests
{
    private static readonly DangerDetector Detector = new(TestData.Taxonomy, TestData.DangerModel);

    [Theory]
    [InlineData("先不登记了")]
    [InlineData("不用了")]
    [InlineData("不用了，谢谢")]
    [InlineData("算了吧")]
    [InlineData("还是不办了")]
    [InlineData("那就先不弄了")]
    [InlineData("暂时不需要了")]
    [InlineData("不麻烦你们了")]
    [InlineData("先不填了，回头再说")]
    [InlineData("以后再说吧")]
    public void Declining_the_bots_question_is_not_danger(string reply) => Assert.Null(Detector.Detect(reply, answersBot: true));

    [Theory]
    [InlineData("不用了，俺娘晕倒了叫不醒", "medical")]
    [InlineData("算了，我不想活了", "self_harm")]
    [InlineData("先不登记了，厨房着火了", "fire")]
    public void A_decline_that_tells_of_danger_is_still_danger(string reply, string kind) =>
        Assert.Equal(kind, Detector.Detect(reply, answersBot: true)?.Kind.Kind);

    // The model learnt from messages that open a conversation: alone, it raises no urgent ticket on an answer to the
    // bot's own question. Lonely or worn-out talk the model alone reads as danger when it opens a conversation.
    [Fact]
    public void The_model_alone_is_a_weak_signal_in_an_answer_to_the_bot()
    {
        string[] texts = ["就俺一个人吃饭 怪没意思的", "俺一个人看着俩孩子 地里的活也得干 快熬不动了", "逢年过节就俺一个人 没意思透了"];
        var byModel = texts.Where(t => Detector.Detect(t) is { ByModel: true, Weak: false }).ToList();
        Assert.NotEmpty(byModel);
        Assert.All(byModel, t => Assert.True(Detector.Detect(t, answersBot: true)?.Weak));
    }

    [Fact]
    public async Task Declining_in_the_middle_of_a_request_leaves_it_without_an_emergency()
    {
        var bot = new BotHarness();
        await new DialogScript(bot)
            .User("家里水管漏了 想找人来修", "电话")
            .User("先不登记了")
            .ReplyLacks("120")
            .ReplyLacks("心理")
            .NoIntake()
            .RunAsync();
        Assert.Empty(bot.Requests.Created);
    }
}
