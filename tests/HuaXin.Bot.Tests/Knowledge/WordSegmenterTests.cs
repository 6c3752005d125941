using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Our segmenter cuts as jieba.NET 0.42.2 does (precise mode, HMM on): the expected words are what jieba.NET
/// gave for each sentence. Round 19 compared the two on 39,825 lines (the knowledge, every eval set, random mixes of
/// Chinese, letters, digits and punctuation) with no difference.</summary>
public class WordSegmenterTests
{
    [Theory]
    [InlineData("我来到北京清华大学", "我/来到/北京/清华大学")]
    [InlineData("他来到了网易杭研大厦", "他/来到/了/网易/杭研/大厦")] // 杭研 is not in the dictionary: the HMM joins it
    [InlineData("俺男人在外地项目上干活，家里老人病了咋办", "俺/男人/在/外地/项目/上/干活/，/家里/老人/病/了/咋办")]
    [InlineData("困难职工帮扶救助的条件是什么", "困难职工/帮扶/救助/的/条件/是/什么")]
    [InlineData("金秋助学金发多少钱", "金秋/助学金/发/多少/钱")]
    [InlineData("2024年iPhone15涨价3.5%，C#和AT&T", "2024/年/iPhone15/涨价/3.5%/，/C#/和/AT&T")]
    [InlineData("探清假有几天", "探清假/有/几天")]
    public void Cuts_as_jieba_does(string text, string words) =>
        Assert.Equal(words.Split('/'), ChineseWords.Cut(text));

    [Fact]
    public void Every_character_outside_a_run_is_a_word_and_a_line_break_one_word()
    {
        Assert.Equal(["职工", " ", "\r\n", "！", "？"], ChineseWords.Cut("职工 \r\n！？"));
        Assert.Empty(ChineseWords.Cut(""));
    }
}
