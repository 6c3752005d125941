using HuaXin.Bot.Dialogs.Safety;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Knowledge.Search;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Danger typed by sound (a wrong homophone from the input method, or pinyin) is still danger; everyday words
/// that only sound like a cue, and the seams between words, are not.</summary>
public class SoundDangerTests
{
    private static readonly Taxonomy Taxonomy = Taxonomy.Load(Path.Combine(RepoPaths.Knowledge, "taxonomy.yaml"));
    private static readonly DangerDetector WithSound = new(Taxonomy, model: null, new SoundSpelling());
    private static readonly DangerDetector AsTyped = new(Taxonomy, model: null);

    [Theory]
    [InlineData("着伙了！俺家灶屋着伙了快来人", "fire")]
    [InlineData("老头子没乎吸了咋整", "medical")]
    [InlineData("zhe huo le kuai lai 俺家后院", "fire")]
    [InlineData("工友说他可能是xin geng，倒在宿舍了", "medical")]
    public void A_cue_typed_by_sound_is_danger(string text, string kind)
    {
        Assert.Null(AsTyped.Detect(text));
        Assert.Equal(kind, WithSound.Detect(text)?.Kind.Kind);
    }

    [Theory]
    [InlineData("两个小时以后到家")]
    [InlineData("这两张照片长得挺相似")]
    [InlineData("这活俺不想干了，太累，想换个工地")]
    [InlineData("俺男人脾气火爆 一点就着")]
    [InlineData("去年灶屋着伙那回，早就修好了")]
    [InlineData("俺家水管子冻裂了 淌了一地水 能来人修修不")]
    [InlineData("俺那口子腿摔断了在家躺着 白天家里没人 能不能来人照应一下")]
    [InlineData("收到了 米面油都收到了 替俺谢谢工会")]
    public void Words_that_only_sound_like_a_cue_are_not(string text) => Assert.Null(WithSound.Detect(text));
}
