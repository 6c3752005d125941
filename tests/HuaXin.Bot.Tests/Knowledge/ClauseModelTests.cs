using HuaXin.Bot.Knowledge.Ranking;
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
    }

    [Fact]
    public void A_model_fitted_on_other_features_is_refused()
    {
        var model = ClauseModel.Parse(File.ReadAllText(Path.Combine(RepoPaths.Knowledge, "clause-model.json")));
        model.CandidateFeatures.RemoveAt(0);

        Assert.Throws<InvalidDataException>(() => ClauseModel.Parse(model.ToJson()));
    }
}
