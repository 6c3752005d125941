using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Slots;

/// <summary>Now is Monday 2026-11-23 10:00 (UTC+8).</summary>
public sealed class WhenExtractorTests
{
    private readonly WhenExtractor _when = new(TestData.Clock());

    public static TheoryData<string, string, DateTimeOffset, DateTimeOffset> Windows => new()
    {
        { "明天上午来", "明天上午", TestData.Local(11, 24, 8), TestData.Local(11, 24, 12) },
        { "后天", "后天", TestData.Local(11, 25), TestData.Local(11, 26) },
        { "下周三过去看看", "下周三", TestData.Local(12, 2), TestData.Local(12, 3) },
        { "下周三上午", "下周三上午", TestData.Local(12, 2, 8), TestData.Local(12, 2, 12) },
        { "月底前办好", "月底前", TestData.Local(11, 23, 10), TestData.Local(12, 1) },
        { "这周末有空", "这周末", TestData.Local(11, 28), TestData.Local(11, 30) },
        { "今晚能来吗", "今晚", TestData.Local(11, 23, 18), TestData.Local(11, 23, 23) },
        { "3月5号要复查", "3月5号", TestData.Local(3, 5, year: 2027), TestData.Local(3, 6, year: 2027) },
        { "周六下午", "周六下午", TestData.Local(11, 28, 13), TestData.Local(11, 28, 18) },
        { "下午三点到", "下午三点", TestData.Local(11, 23, 15), TestData.Local(11, 23, 16) },
        { "明天早上8点半", "明天早上8点半", TestData.Local(11, 24, 8, 30), TestData.Local(11, 24, 9, 30) },
        { "12月1号", "12月1号", TestData.Local(12, 1), TestData.Local(12, 2) },
        { "11月20号", "11月20号", TestData.Local(11, 20), TestData.Local(11, 21) },
        { "5号那天", "5号", TestData.Local(12, 5), TestData.Local(12, 6) },
        { "下个礼拜二", "下个礼拜二", TestData.Local(12, 1), TestData.Local(12, 2) },
        { "下周", "下周", TestData.Local(11, 30), TestData.Local(12, 7) },
        { "明后天都行", "明后天", TestData.Local(11, 24), TestData.Local(11, 26) },
        { "周末", "周末", TestData.Local(11, 28), TestData.Local(11, 30) },
        { "晚上7点", "晚上7点", TestData.Local(11, 23, 19), TestData.Local(11, 23, 20) },
        { "我下个月十号回家探亲", "下个月十号", TestData.Local(12, 10), TestData.Local(12, 11) },
        { "下月3号上午", "下月3号上午", TestData.Local(12, 3, 8), TestData.Local(12, 3, 12) },
        { "下个月", "下个月", TestData.Local(12, 1), TestData.Local(1, 1, year: 2027) },
        { "周六周日都在家", "周六周日", TestData.Local(11, 28), TestData.Local(11, 30) },
        { "周六或者周日", "周六或者周日", TestData.Local(11, 28), TestData.Local(11, 30) },
        { "下礼拜一到礼拜三", "下礼拜一到礼拜三", TestData.Local(11, 30), TestData.Local(12, 3) },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Resolves_words_to_an_exact_window(string text, string words, DateTimeOffset start, DateTimeOffset end)
    {
        var match = _when.Extract(text);

        Assert.NotNull(match);
        Assert.Equal(words, match.Value);
        Assert.Equal(start, match.Window!.Start);
        Assert.Equal(end, match.Window.End);
    }

    [Theory]
    [InlineData("阳光小区3号楼")]
    [InlineData("和平路12号")]
    [InlineData("一周三次")]
    [InlineData("周村区")]
    [InlineData("电话13805312266")]
    public void Ignores_numbers_that_are_not_dates(string text) => Assert.Null(_when.Extract(text));
}
