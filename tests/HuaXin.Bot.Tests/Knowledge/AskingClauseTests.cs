using HuaXin.Bot.Knowledge.Ranking;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>The clause that asks is the last one with a question word, a question particle at its end, an A不A form or
/// an asked kind of answer; background before it does not count.</summary>
public class AskingClauseTests
{
    [Theory]
    [InlineData("俺男人是建造师 探亲假有几天", 1)]
    [InlineData("孩子病了，住院能报销不", 1)]
    [InlineData("年底奖金发不发，他在外地工地上", 0)]
    [InlineData("要准备哪些材料？俺妈身体不好", 0)]
    [InlineData("俺家在农村 孩子在城里上学", 0)] // none asks: the whole question counts
    public void The_last_clause_that_asks_is_found(string question, int asking) =>
        Assert.Equal(asking, AskingClause.LastAsking(AskingClause.Split(question)));

    [Theory]
    [InlineData("残疾证在哪里办？需要带什么材料？", "TT")] // two questions: the topic is in the first
    [InlineData("探亲假一年能休几天 来回路费给报吗", "TT")]
    [InlineData("俺男人是建造师 探亲假有几天", "FT")]
    [InlineData("社区几次介绍工作都推掉 会不会影响领低保", "FT")] // 几 in the background, not a question
    [InlineData("房子烧得啥也没剩 能申请个啥救助", "FT")]
    [InlineData("俺家在农村 孩子在城里上学", "TT")] // none asks: the whole question counts
    [InlineData("宿舍是怎么分配的?几个人住一间?", "TT")] // a question mark after a clause that asks
    [InlineData("上夜班有没有夜班补贴? 一晚上多少钱", "TT")]
    [InlineData("社区几次介绍工作都推掉? 会不会影响领低保", "TT")]
    [InlineData("俺男人在外地干活? 探亲假有几天", "FT")] // a question mark after background that does not ask
    public void Every_clause_that_ends_in_a_question_asks(string question, string asking) =>
        Assert.Equal(asking, string.Concat(AskingClause.Asking(question).Select(a => a ? 'T' : 'F')));
}
