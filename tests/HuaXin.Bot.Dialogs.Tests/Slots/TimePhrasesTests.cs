using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Tests.Slots;

public sealed class TimePhrasesTests
{
    // The whole run of time words a person writes is offered as one candidate.
    [Theory]
    [InlineData("每个礼拜三上午来一趟", "每个礼拜三上午")]
    [InlineData("每周二四下午接孩子", "每周二四下午")]
    [InlineData("阴历十月初八过去", "阴历十月初八")]
    [InlineData("腊月里来看看", "腊月里")]
    [InlineData("过完年再说", "过完年")]
    [InlineData("重阳节前后去一趟", "重阳节前后")]
    [InlineData("下学期开始托管", "下学期")]
    [InlineData("明天一大早出发", "明天一大早")]
    [InlineData("周六晚饭后有空", "周六晚饭后")]
    [InlineData("今明两天都行", "今明两天")]
    [InlineData("过两天再来", "过两天")]
    [InlineData("月底前办完", "月底前")]
    [InlineData("下礼拜哪天都中", "下礼拜")]
    [InlineData("腊月二十三那天送过去", "腊月二十三那天")]
    [InlineData("年后再修", "年后")]
    [InlineData("周五下午三点半", "周五下午三点半")]
    [InlineData("这礼拜六礼拜天都在家", "这礼拜六礼拜天")]
    [InlineData("今年下半年", "今年下半年")]
    [InlineData("年三十前回来", "年三十前")]
    public void Offers_the_whole_time_phrase(string text, string expected) =>
        Assert.Contains(TimePhrases.Find(text), p => p.IsMaximal && p.Text == expected);

    // "从下周一开始" wants help from 下周一: the time is the date itself, as the outside labelling rules mark it; a
    // frequency (每周一回) and an event (开学) are not part of it.
    [Theory]
    [InlineData("从下周一开始每天送饭", "下周一")]
    [InlineData("下个月起换宿舍", "下个月")]
    [InlineData("每周一回就行 俺娘一个人住", "每周")]
    [InlineData("开学以后没人接", "开学以后")]
    [InlineData("大的明天开学 学费不够", "明天")]
    public void Keeps_only_the_time_itself(string text, string expected) =>
        Assert.Contains(TimePhrases.Find(text), p => p.IsMaximal && p.Text == expected);

    // An address number, an age or a length of time is not a time word.
    [Theory]
    [InlineData("住在幸福路18号")]
    [InlineData("俺娘七十三了")]
    [InlineData("干了三年了")]
    [InlineData("孩子上初二 数学差")]
    public void Offers_nothing_for_numbers_that_are_not_times(string text) => Assert.Empty(TimePhrases.Find(text));

    // 后天 across a word boundary: "…以后天天…" is 以后 + 天天.
    [Fact]
    public void Does_not_read_the_day_after_tomorrow_across_words() =>
        Assert.DoesNotContain(TimePhrases.Find("考砸了以后天天关在屋里"), p => p.Text.Contains("后天", StringComparison.Ordinal));
}
