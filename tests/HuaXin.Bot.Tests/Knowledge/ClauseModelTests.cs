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
