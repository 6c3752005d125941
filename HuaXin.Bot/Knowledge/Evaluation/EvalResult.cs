using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Knowledge.Evaluation;

/// <summary>What the service answered to one eval question.</summary>
/// <param name="LatencyMs">The whole answer.</param>
/// <param name="SearchMs">The search alone, the first time the question is read (the retrieval figure); the baseline's
/// answer is its search.</param>
public sealed record EvalResult(EvalQuestion Question, KnowledgeAnswer Answer, double LatencyMs, double SearchMs)
{
    /// <summary>Citations that count for hit@3.</summary>
    public IEnumerable<Citation> Top3 => Answer.Answered ? Answer.Citations.Take(3) : [];

    public bool Hit1 => Answer.Answered && Answer.Citations.Count > 0 && Question.ExpectedDocs.Contains(Answer.Citations[0].DocId);

    public bool Hit3 => Top3.Any(c => Question.ExpectedDocs.Contains(c.DocId));

    /// <summary>The answer leads with the expected clause: the one a user reads first.</summary>
    public bool SectionHit1 => Top3.Take(1).Any(IsExpectedClause);

    /// <summary>An expected document is cited among the first three with the expected heading in its path
    /// (equal to, or contained in, one heading, so "第五条" matches "第五条 申请条件").</summary>
    public bool SectionHit3 => Top3.Any(IsExpectedClause);

    private bool IsExpectedClause(Citation c) => Question.ExpectedDocs.Contains(c.DocId)
        && c.Headings.Any(h => h.Contains(Question.Section ?? "", StringComparison.Ordinal));
}
