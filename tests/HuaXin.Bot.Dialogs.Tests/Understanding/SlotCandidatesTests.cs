using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Tests.Support;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Tests.Understanding;

/// <summary>What the fitted choosers may choose from, by the labelling rules: a household's repair or aid and a
/// complaint are about nobody in particular unless the asking names whom it is for.</summary>
public sealed class SlotCandidatesTests
{
    private static readonly SlotExtractors Slots = new(TestData.Taxonomy, TestData.Clock());
    private readonly RelationCandidates _relations = new((RelationExtractor)Slots[SlotNames.Relation], TestData.Taxonomy);
    private readonly WhenCandidates _times = new((WhenExtractor)Slots[SlotNames.When]);

    [Theory]
    [InlineData("俺娘屋里的水管冻裂了 明天上午来修修", "home_repair")]
    [InlineData("俺爹说食堂的菜太咸 希望改改", "complaint")]
    [InlineData("俺男人在外地 家里娃上学钱不够 想申请困难补助", "hardship_aid")]
    public void Offers_nobody_for_a_household_or_a_complaint(string text, string category) =>
        Assert.Empty(_relations.Build(text, category));

    [Theory]
    [InlineData("想给俺公婆申请个困难补助 俩人都病着", "岳父母/公婆")]
    [InlineData("替我哥申请个临时救助 他腿断了", "其他")]
    [InlineData("我爹住院半年了 想给他申请点补助", "父亲")]
    public void Offers_the_one_aid_is_asked_for(string text, string relation)
    {
        var candidates = _relations.Build(text, "hardship_aid");
        Assert.Contains(candidates, c => c.Value == relation && c.Features.Contains("for"));
        Assert.DoesNotContain(candidates, c => c.Value == RelationExtractor.Self);
    }

    // Whom a category's requests can be about is the taxonomy's word, not the code's.
    [Fact]
    public void Reads_whom_a_category_is_about_from_the_taxonomy()
    {
        var yaml = File.ReadAllText(TestData.TaxonomyPath).Replace("department: 车间工会\n", "department: 车间工会\n    relation: nobody\n");
        var taxonomy = Taxonomy.Parse(yaml);
        var relations = new RelationCandidates((RelationExtractor)new SlotExtractors(taxonomy, TestData.Clock())[SlotNames.Relation], taxonomy);

        Assert.NotEmpty(_relations.Build("俺娘一个人在家 想请人去看看", "family_care"));
        Assert.Empty(relations.Build("俺娘一个人在家 想请人去看看", "family_care"));
    }

    // A house, land, a dormitory or the canteen: the labelling rules give such needs nobody, so the chooser is told.
    [Theory]
    [InlineData("俺娘的承包地让人占了 想找律师", true)]
    [InlineData("俺娘被车撞了 想找律师要赔偿", false)]
    public void Marks_a_household_or_property_need(string text, bool property) =>
        Assert.Equal(property, _relations.Build(text, "legal_aid").Single(c => c.Value is null).Features.Contains("none&property"));

    // The other side of a dispute is marked so the chooser can tell them from the one who needs help.
    [Theory]
    [InlineData("跟邻居为过道的事吵了好几年 想找律师", "其他", true)]
    [InlineData("俺叔家占着俺家的地不还 想打官司", "其他", true)]
    [InlineData("俺娘腿摔了 想请人陪着去医院", "母亲", false)]
    public void Marks_the_other_side_of_a_dispute(string text, string relation, bool otherSide) =>
        Assert.Equal(otherSide, _relations.Build(text, "legal_aid").Single(c => c.Value == relation).Features.Contains("otherside"));

    // The speaker's own trouble counts like a named person's.
    [Fact]
    public void Weighs_the_speakers_own_trouble() =>
        Assert.DoesNotContain("I:need:0", _relations.Build("孩他爹在外地 俺腰疼得起不来 想请人陪着去看病", "volunteer").Single(c => c.Value == RelationExtractor.Self).Features);

    // 本人 only when the sender is the subject: the 俺 of 俺娘 is not the speaker, and "不想活了" names nobody.
    [Theory]
    [InlineData("俺娘腰疼得起不来 想请人陪着去看病", "volunteer")]
    [InlineData("心里堵得慌 想找个人唠唠", "counselling")]
    [InlineData("我们班组想请志愿者来讲讲安全", "volunteer")]
    public void Offers_the_speaker_only_when_they_speak_of_themselves(string text, string category) =>
        Assert.DoesNotContain(_relations.Build(text, category), c => c.Value == RelationExtractor.Self);

    [Fact]
    public void Offers_no_time_for_a_complaint() =>
        Assert.Empty(_times.Build("昨天下午三点送餐的志愿者态度太差 明天还要来", "complaint"));

    [Fact]
    public void Offers_the_times_of_a_request() =>
        Assert.Contains(_times.Build("明天下午三点来送餐", "volunteer"), c => c.Value == "明天下午三点");
}
