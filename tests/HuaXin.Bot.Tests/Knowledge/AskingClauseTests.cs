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
}
