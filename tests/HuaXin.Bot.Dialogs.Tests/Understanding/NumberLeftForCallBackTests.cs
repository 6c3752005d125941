using HuaXin.Bot.Dialogs.Tests.Support;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Tests.Understanding;

public sealed class NumberLeftForCallBackTests
{
    private readonly RequestUnderstanding _understanding = TestData.Understanding();

    [Theory]
    // A few words and a mobile number, nothing asked: the number is left for a call back.
    [InlineData("工钱 法律顾问 13912345678")]
    [InlineData("陪诊 父亲 下周一 潍坊 13712345678")]
    [InlineData("宿舍 空调 13812345678")]
    [InlineData("心理 咨询 一三九一二三四五六七八")]
    public async Task A_number_left_without_asking_is_a_request(string text)
    {
        var result = await _understanding.UnderstandAsync(text, CancellationToken.None);

        Assert.True(result.IsRequest);
        Assert.NotNull(result.Slots["phone"]);
    }

    [Theory]
    // Asking, declining or checking keeps its purpose, number or not.
    [InlineData("帮扶条件是啥 13912345678")]
    [InlineData("不用了 电话13912345678别打了")]
    [InlineData("算了 13912345678")]
    [InlineData("俺报的修水管咋样了 13912345678")]
    public async Task A_number_with_a_question_or_a_decline_is_not(string text)
    {
        var result = await _understanding.UnderstandAsync(text, CancellationToken.None);

        Assert.False(result.IsRequest);
    }
}
