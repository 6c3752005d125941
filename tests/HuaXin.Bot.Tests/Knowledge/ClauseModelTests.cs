using HuaXin.Bot.Dialogs.Understanding;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Ranking;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Knowledge;

public class ClauseModelTests
{
    [Fact]
    public void The_shipped_model_was_fitted_on_the_features_this_version_computes()
    {
        var model = ClauseModel.Parse(File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "clause-model.json")));

        Assert.False(model.IsEmpty);
        Assert.NotNull(model.AbstainAt);
        Assert.Equal(ClauseFeatures.CandidateNames.Length, model.Rank.Weights[0].Length);
        Assert.NotNull(model.Answer);
        Assert.NotNull(model.AnswerAt);
        Assert.Equal(AnswerFeatures.Names.Length, model.Answer.Weights[0].Length);
    }

    [Fact]
    public void An_answer_head_fitted_on_other_features_is_refused()
    {
        var model = ClauseModel.Parse(File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "clause-model.json")));
        model.AnswerFeatures!.RemoveAt(0);

        Assert.Throws<InvalidDataException>(() => ClauseModel.Parse(model.ToJson()));
    }

    [Fact]
    public async Task The_answer_head_refuses_what_the_hand_rules_answer_but_never_answers_what_they_refuse()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync(clauseModel: true);
        await fixture.Services.InitializeKnowledgeAsync();
        var search = fixture.Services.GetRequiredService<KnowledgeSearch>();
        var model = ClauseModel.Parse(File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "clause-model.json")));
        var answered = search.Read("困难职工家庭每月发放生活补助多少钱");
        var refused = search.Read("公积金怎么提取");

        foreach (var (reading, rules) in new[] { (answered, true), (refused, false) })
        {
            var (probabilities, order) = KnowledgeSearch.Rank(reading, model);
            Assert.Equal(rules, KnowledgeSearch.Answers(reading, model));
            model.Answer = Head(-50);
            Assert.False(KnowledgeSearch.Answers(reading, model, probabilities, order));
            model.Answer = Head(50);
            Assert.Equal(rules, KnowledgeSearch.Answers(reading, model, probabilities, order));
        }
    }

    internal const string LongQuestion = "俺那口子常年在新疆干活 俺一个人拉扯俩娃 还得伺候瘫在炕上的婆婆 累得直不起腰 听说有个啥补助能帮一把";

    [Fact]
    public async Task The_coverage_rule_vetoes_a_short_question_always_and_a_long_one_only_without_an_answer_head()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync(clauseModel: true);
        await fixture.Services.InitializeKnowledgeAsync();
        var search = fixture.Services.GetRequiredService<KnowledgeSearch>();
        // Both match little of what they say: the long one is mostly background the documents never need to mention.
        var shortQuestion = search.Read("火星移民 怎么报名");
        var longQuestion = search.Read(LongQuestion);

        Assert.False(shortQuestion.Covered);
        Assert.False(longQuestion.Covered);
        Assert.True(KnowledgeSearch.CoverageVetoes(shortQuestion, headDecides: true));
        Assert.True(KnowledgeSearch.CoverageVetoes(longQuestion, headDecides: false));
        Assert.False(KnowledgeSearch.CoverageVetoes(longQuestion, headDecides: true));
    }

    private static LinearHead Head(float bias) => new()
    {
        Labels = ["decline", "answer"],
        Weights = [new float[AnswerFeatures.Names.Length], new float[AnswerFeatures.Names.Length]],
        Bias = [0, bias],
    };

    [Fact]
    public void A_model_fitted_on_other_features_is_refused()
    {
        var model = ClauseModel.Parse(File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "clause-model.json")));
        model.CandidateFeatures.RemoveAt(0);

        Assert.Throws<InvalidDataException>(() => ClauseModel.Parse(model.ToJson()));
    }
}
