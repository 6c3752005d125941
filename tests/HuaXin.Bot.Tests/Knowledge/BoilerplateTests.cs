using HuaXin.Bot.Knowledge.Ranking;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>A regulation's closing articles (who interprets it, when it takes effect) answer only questions about
/// themselves; a clause that says more is not one.</summary>
public class BoilerplateTests
{
    [Theory]
    [InlineData("第二十条　本办法由集团工会负责解释。", true)]
    [InlineData("本条例自2008年1月1日起施行。", true)]
    [InlineData("本办法由党委工作部负责解释，自2025年1月1日起施行。", true)]
    [InlineData("本规定自公布之日起施行。", true)]
    [InlineData("本办法由集团工会负责解释，咨询电话0531-88886601。", false)]
    [InlineData("申请人应当自收到决定之日起15日内提出复核。", false)]
    [InlineData("困难职工帮扶救助由集团工会负责组织实施。", false)]
    public void A_closing_article_is_told_from_one_that_says_more(string text, bool closing) =>
        Assert.Equal(closing, Boilerplate.Is(text));

    [Theory]
    [InlineData("这个办法从啥时候开始施行", true)]
    [InlineData("谁负责解释这个规定", true)]
    [InlineData("找谁办", false)]
    [InlineData("多久能批下来", false)]
    public void Only_a_question_about_the_document_itself_asks_for_one(string question, bool asks) =>
        Assert.Equal(asks, Boilerplate.Asked(question));
}
