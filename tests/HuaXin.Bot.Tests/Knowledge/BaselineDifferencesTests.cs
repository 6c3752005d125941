using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Evaluation;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Which questions the product lost to the plain-BM25 baseline and which it won, answerable and not.</summary>
public class BaselineDifferencesTests
{
    private static readonly EvalQuestion Answerable = new("a", "探亲假有几天", ["family-visit"], "第七条", null, null);
    private static readonly EvalQuestion Unanswerable = new("u", "公司给交公积金吗", [], null, null, null);

    private static EvalResult First(EvalQuestion question, string docId) =>
        new(question, new KnowledgeAnswer(true, "…", [new Citation(docId, docId, ["第七条"], "…", 1)]), 0, 0);

    private static EvalResult Declined(EvalQuestion question) => new(question, new KnowledgeAnswer(false, "…", []), 0, 0);

    [Fact]
    public void A_right_first_document_the_product_missed_is_lost_and_one_it_found_is_won()
    {
        var lost = BaselineDifferences.Of([First(Answerable, "hardship-aid")], [First(Answerable, "family-visit")]);
        var won = BaselineDifferences.Of([First(Answerable, "family-visit")], [First(Answerable, "hardship-aid")]);

        Assert.Equal("a", Assert.Single(lost.Lost).Product.Question.Id);
        Assert.Empty(lost.Won);
        Assert.Equal("a", Assert.Single(won.Won).Product.Question.Id);
        Assert.Empty(won.Lost);
    }

    [Fact]
    public void Declining_an_unanswerable_question_is_right_and_declining_an_answerable_one_is_not()
    {
        var differences = BaselineDifferences.Of(
            [Declined(Unanswerable), Declined(Answerable)],
            [First(Unanswerable, "hardship-aid"), First(Answerable, "family-visit")]);

        Assert.Equal("u", Assert.Single(differences.Won).Product.Question.Id);
        Assert.Equal("a", Assert.Single(differences.Lost).Product.Question.Id);
    }

    [Fact]
    public void Both_right_or_both_wrong_is_no_difference()
    {
        var differences = BaselineDifferences.Of(
            [First(Answerable, "family-visit"), First(Unanswerable, "hardship-aid")],
            [First(Answerable, "family-visit"), First(Unanswerable, "retiree-service")]);

        Assert.Empty(differences.Lost);
        Assert.Empty(differences.Won);
    }
}
