using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Slots;

public sealed class RelationExtractorTests
{
    private readonly RelationExtractor _relation = new(TestData.Taxonomy.RelationWords, TestData.Taxonomy.RelationNeedWords, TestData.Taxonomy.SelfPatterns);
    private readonly RelationExtractor _withBackground = new(TestData.Taxonomy.RelationWords, TestData.Taxonomy.RelationNeedWords, TestData.Taxonomy.SelfPatterns, TestData.Taxonomy.RelationBackgroundWords);

    [Theory]
    [InlineData("俺娘一个人在家", "母亲")]
    [InlineData("我妈住院了", "母亲")]
    [InlineData("老娘腿不好", "母亲")]
    [InlineData("老爷子八十多了", "父亲")]
    [InlineData("我爸要做手术", "父亲")]
    [InlineData("俺爹瘫在床上", "父亲")]
    [InlineData("媳妇要生了", "配偶")]
    [InlineData("老婆查出来病", "配偶")]
    [InlineData("爱人身体不好", "配偶")]
    [InlineData("孩子他妈要回老家", "配偶")]
    [InlineData("孩子他爸在外地", "配偶")]
    [InlineData("老公工伤以后", "配偶")]
    [InlineData("闺女考上大学", "子女")]
    [InlineData("儿子要上学", "子女")]
    [InlineData("俺家娃要转学", "子女")]
    [InlineData("丈母娘一个人住", "岳父母/公婆")]
    [InlineData("老丈人脑梗", "岳父母/公婆")]
    [InlineData("婆婆摔倒了", "岳父母/公婆")]
    [InlineData("公公住院", "岳父母/公婆")]
    [InlineData("我爷爷要拿药", "其他")]
    [InlineData("妈住院了", "母亲")]
    [InlineData("楼下大妈摔了", "其他")]
    [InlineData("我自己腰疼", "本人")]
    [InlineData("我是退休职工", "本人")]
    [InlineData("媳妇打电话说我妈摔了", "母亲")]
    [InlineData("媳妇跟我闹离婚 我心情特别不好", "本人")]
    public void Names_who_needs_help(string text, string expected) => Assert.Equal(expected, _relation.Extract(text)?.Value);

    [Theory]
    [InlineData("俺没手机 用俺儿的")]
    [InlineData("打俺闺女电话就行")]
    [InlineData("留俺儿子的手机号吧")]
    [InlineData("电话打俺儿子的吧 13866668888")]
    public void Whose_phone_it_is_is_not_who_needs_help(string text) => Assert.NotEqual("子女", _relation.Extract(text)?.Value);

    // Kinship terms of everyday northern Chinese: a word inside a longer one must not be read alone (媳妇 in 儿媳妇,
    // 娃 and 爹 in 娃他爹, 俺娘 in 俺娘俩).
    [Theory]
    [InlineData("娃他爹腰扭了", "配偶")]
    [InlineData("孩儿他娘发烧", "配偶")]
    [InlineData("当家的出车祸了", "配偶")]
    [InlineData("俺家男人腿砸伤了", "配偶")]
    [InlineData("孩子爸胃疼", "配偶")]
    [InlineData("俺家老二要考高中", "子女")]
    [InlineData("我家老大上初一", "子女")]
    [InlineData("丫头数学差", "子女")]
    [InlineData("公爹中风了", "岳父母/公婆")]
    [InlineData("孩他奶奶糊涂了", "岳父母/公婆")]
    [InlineData("公婆年纪大了", "岳父母/公婆")]
    [InlineData("儿媳妇坐月子", "其他")]
    [InlineData("女婿受伤了", "其他")]
    [InlineData("小叔子住院", "其他")]
    [InlineData("大伯哥病了", "其他")]
    [InlineData("俺哥摔了", "其他")]
    [InlineData("我姐做手术", "其他")]
    [InlineData("嫂子病倒了", "其他")]
    [InlineData("侄子没人接", "其他")]
    [InlineData("舅妈住院", "其他")]
    [InlineData("大娘一个人住", "其他")]
    [InlineData("俺大爷九十了", "其他")]
    [InlineData("后妈腿不好", "母亲")]
    [InlineData("俺娘俩没人照应", "本人")]
    public void Knows_kinship_words(string text, string expected) => Assert.Equal(expected, _relation.Extract(text)?.Value);

    // Someone said to be away at work is where they are, not who needs help, wherever the site is.
    [Theory]
    [InlineData("当家的在内蒙工地上 俺娘摔了", "母亲")]
    [InlineData("孩他爹在咱集团青岛项目上 俺闺女发烧", "子女")]
    [InlineData("俺男人在工地上摔伤了", "配偶")]
    [InlineData("俺男人不在家 俺婆婆瘫了", "岳父母/公婆")]
    public void Passes_over_someone_away_at_work(string text, string expected) => Assert.Equal(expected, _withBackground.Extract(text)?.Value);

    [Theory]
    [InlineData("宿舍空调坏了")]
    [InlineData("我们工地有人摔了")]
    [InlineData("食堂饭菜太咸了")]
    public void Says_nothing_when_nobody_is_named(string text) => Assert.Null(_relation.Extract(text));

    private static readonly RelationExtractor Shipped = (RelationExtractor)new SlotExtractors(TestData.Taxonomy, TestData.Clock())[SlotNames.Relation];

    // Workmates and neighbours are named by surname; a relative of someone else is 其他; one's own name is not a person.
    [Theory]
    [InlineData("俺们工地的老赵腰扭了 想请人陪他去医院", "其他")]
    [InlineData("隔壁小周家的孩子一个人在家 没人管", "其他")]
    [InlineData("工友的媳妇要做手术", "其他")]
    [InlineData("俺是老郑 腿摔了", "本人")]
    [InlineData("俺家小孙女要上学了", "其他")]
    [InlineData("给俺老公公申请个陪护", "岳父母/公婆")]
    [InlineData("宝宝半夜一直咳嗽", "子女")]
    [InlineData("俺姑娘上初中了 想找人辅导", "子女")]
    [InlineData("俺姑一个人在老家 腿脚不好", "其他")]
    public void Reads_people_named_as_people_say_them(string text, string expected) => Assert.Equal(expected, Shipped.Extract(text)?.Value);

    // "服务对象：" names a form's field, not a partner; a person at the start of a field line is that person.
    [Fact]
    public void A_field_label_is_not_a_person()
    {
        Assert.DoesNotContain(Shipped.Hits("服务对象：申请人父亲 时间：周五"), h => h.Value == "配偶");
        Assert.Contains(Shipped.Hits("母亲：七十岁 腿脚不便"), h => h.Value == "母亲");
    }
}
