using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Evaluation;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Section hit@1 counts the clause an answer leads with; section hit@3 any of the first three.</summary>
public class EvalReportTests
{
    private static readonly EvalQuestion Question = new("a", "困难帮扶有啥条件", ["hardship-aid"], "第五条", null, null);

    private static EvalResult Citing(params string[] clauses) =>
        new(Question, new KnowledgeAnswer(true, "…", clauses.Select(c => new Citation("hardship-aid", "困难帮扶", ["第二章", c], "…", 1)).ToList()), 0, 0);

    [Fact]
    public void The_expected_clause_second_is_a_section_hit_at_three_but_not_at_one()
    {
        var report = EvalReport.From([Citing("第五条", "第七条"), Citing("第十七条", "第五条")]);

        Assert.Equal(0.5, report.SectionHit1);
        Assert.Equal(1.0, report.SectionHit3);
        Assert.Equal(1.0, report.Hit1);
    }
}
