using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Slots;

public sealed class RelationExtractorTests
{
    private readonly RelationExtractor _relation = new(TestData.Taxonomy.RelationWords, TestData.Taxonomy.RelationNeedWords, TestData.Taxonomy.SelfPatterns);

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
    [InlineData("宿舍空调坏了")]
    [InlineData("我们工地有人摔了")]
    [InlineData("食堂饭菜太咸了")]
    public void Says_nothing_when_nobody_is_named(string text) => Assert.Null(_relation.Extract(text));
}
