using HuaXin.Bot.Dialogs.Tests.Support;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Tests.Understanding;

public sealed class RequestUnderstandingTests
{
    private readonly RequestUnderstanding _understanding = TestData.Understanding();

    [Theory]
    // requests: asking someone to act
    [InlineData("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "family_care")]
    [InlineData("家里水管爆了快来修", "home_repair")]
    [InlineData("想找个志愿者陪俺娘去医院复查", "volunteer")]
    [InlineData("包工头拖欠工资 想找个律师", "legal_aid")]
    [InlineData("我要投诉食堂管理员", "complaint")]
    public async Task Requests_are_recognized_with_their_category(string text, string category)
    {
        var result = await _understanding.UnderstandAsync(text, CancellationToken.None);

        Assert.True(result.IsRequest);
        Assert.Equal(category, result.Category);
        Assert.Equal(TestData.Taxonomy.Get(category).Department, result.Department);
        Assert.Equal(text.Trim(), result.Slots["description"]);
    }

    [Theory]
    [InlineData("困难职工帮扶有啥条件？")]
    [InlineData("医疗互助金一年能报多少")]
    [InlineData("金秋助学怎么申请 需要啥材料")]
    [InlineData("咱单位的困难补助俺能申请不")]
    [InlineData("星火365是干啥的")]
    [InlineData("你好")]
    public async Task Policy_questions_and_chat_are_not_requests(string text)
    {
        var result = await _understanding.UnderstandAsync(text, CancellationToken.None);

        Assert.False(result.IsRequest);
        Assert.Null(result.Category);
        Assert.Empty(result.Slots);
    }

    [Fact]
    public async Task Slots_and_the_when_window_come_with_the_request()
    {
        var result = await _understanding.UnderstandAsync("俺娘下周三上午要去医院复查，能不能找个志愿者陪她去 济南历城 电话13805312266", CancellationToken.None);

        Assert.Equal("13805312266", result.Slots["phone"]);
        Assert.Equal("母亲", result.Slots["relation"]);
        Assert.Equal("济南历城", result.Slots["city"]);
        Assert.Equal("下周三上午", result.Slots["when"]);
        Assert.Equal(TestData.Local(12, 2, 8), result.When!.Start);
    }
}
