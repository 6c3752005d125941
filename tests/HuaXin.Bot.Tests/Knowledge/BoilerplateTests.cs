using HuaXin.Bot.Knowledge.Ranking;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>A regulation's closing articles (who interprets it, when it takes effect) answer only questions about
/// themselves; a clause that says more is not one. A law's record of enactment answers nothing.</summary>
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
    [InlineData("1991年9月4日 第七届全国人民代表大会常务委员会第二十一次会议通过\n\n2006年12月29日 第十届全国人民代表大会常务委员会第二十五次会议第一次修订\u3000\n\n\u200b", true)]
    [InlineData("2004年10月26日 国务院第68次常务会议通过\n2004年12月1日 施行", true)]
    [InlineData("2004年10月26日，职工代表大会讨论通过了本单位的帮扶办法，工会应当公布执行情况。", false)]
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
