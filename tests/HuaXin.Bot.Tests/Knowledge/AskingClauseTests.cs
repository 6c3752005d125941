using HuaXin.Bot.Knowledge.Ranking;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>The clause that asks is the last one with a question word, a question particle at its end, an A不A form or
/// an asked kind of answer; background before it does not count.</summary>
public class AskingClauseTests
{
    [Theory]
    [InlineData("俺男人是建造师 探亲假有几天", 1)]
    [InlineData("工地上出了事，这官司还能打赢不", 1)]
    [InlineData("年底奖金发不发，俺男人在项目上", 0)]
    [InlineData("要准备哪些材料？俺娘腿脚不好", 0)]
    [InlineData("俺家在农村 孩子在城里上学", 0)] // none asks: the whole question counts
    public void The_last_clause_that_asks_is_found(string question, int asking) =>
        Assert.Equal(asking, AskingClause.LastAsking(AskingClause.Split(question)));
}
