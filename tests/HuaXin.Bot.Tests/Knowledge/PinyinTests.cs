using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Chinese is typed by sound: a character that sounds like the meant one, or the pinyin itself, is read as
/// the word the corpus uses; a real word, capitals and English are left as typed.</summary>
public class PinyinTests
{
    private static readonly Bm25Index Index = new(
    [
        new IndexedChunk("law", "工伤保险条例", ["第十四条"], "职工因工作原因受到事故伤害的，应当认定为工伤。", 0),
        new IndexedChunk("law", "工伤保险条例", ["第三十条"], "用人单位解除劳动合同的，应当支付经济补偿。", 0),
        new IndexedChunk("law", "工伤保险条例", ["第三十一条"], "工资按月支付，社会保险由单位缴纳，扣分按规定执行。", 0),
        new IndexedChunk("law", "工伤保险条例", ["第四十条"], "用人单位应当组织职工进行健康检查。", 0),
        new IndexedChunk("law", "工伤保险条例", ["第四十一条"], "职工探亲假期间照发工资。", 0),
    ]);

    [Theory]
    [InlineData("喝醉了摔伤算不算gong伤", "喝醉了摔伤算不算工伤")]
    [InlineData("能要经济buchang吗", "能要经济补偿吗")]
    [InlineData("jingji buchang怎么算", "经济补偿怎么算")]
    [InlineData("开车接电话 kou fen 吗", "开车接电话 扣分 吗")]
    [InlineData("APP上能查gong伤不", "APP上能查工伤不")]
    // A whole question typed in pinyin, words spaced: the corpus's words, and the commonest dictionary word or
    // character for the rest (怎么, 算).
    [InlineData("tanqinjia gongzi zenme suan", "探亲假工资怎么算")]
    public void Pinyin_is_written_in_the_corpus_characters(string typed, string read) =>
        Assert.Equal(read, Pinyin.Spell(typed, Index));

    [Theory]
    [InlineData("APP咋用")]
    [InlineData("wifi密码是多少")]
    [InlineData("ok")]
    [InlineData("call me back")]
    [InlineData("没有拼音的问题")]
    public void Capitals_english_and_chinese_are_left_as_typed(string typed) =>
        Assert.Equal(typed, Pinyin.Spell(typed, Index));

    [Fact]
    public void A_bigram_that_is_no_word_gets_the_sound_alike_word_the_corpus_has()
    {
        var units = new QueryAnalyzer(Lexicon.Empty).Analyze("扣公资", Index);

        Assert.Contains(units, u => u.Text == "公资" && u.Alternatives.Any(a => a.Terms.SequenceEqual(["工资"]) && a.Weight < 1));
    }

    [Fact]
    public void A_real_word_is_what_the_asker_meant()
    {
        // 检察 (the procuratorate) is a word of general Chinese: not read as the 检查 the corpus has, though it sounds alike.
        var units = new QueryAnalyzer(Lexicon.Empty).Analyze("检察", Index);

        Assert.DoesNotContain(units, u => u.Alternatives.Any(a => a.Terms.Contains("检查")));
        Assert.Contains(new QueryAnalyzer(Lexicon.Empty).Analyze("检茶", Index), u => u.Alternatives.Any(a => a.Terms.Contains("检查")));
    }

    [Fact]
    public void A_bigram_with_no_same_sounding_word_gets_a_near_sounding_one()
    {
        // qing for qin: a final -n or -ng many northern speakers do not tell apart.
        var units = new QueryAnalyzer(Lexicon.Empty).Analyze("探清假", Index);

        Assert.Contains(units, u => u.Alternatives.Any(a => a.Terms.Contains("探亲") && a.Weight < 1));
    }

    [Theory]
    [InlineData('亲', '清')]
    [InlineData('资', '知')]
    [InlineData('是', '四')]
    public void Near_sounds_are_the_final_n_or_ng_and_a_flat_or_curled_initial(char c, char near) =>
        Assert.Contains(near, Pinyin.NearSoundAlike(c));
}
