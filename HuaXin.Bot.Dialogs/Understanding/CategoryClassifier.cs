using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>Picks the category whose weighted keywords and patterns score highest; ties go to the earlier category.</summary>
public sealed class CategoryClassifier(Taxonomy taxonomy)
{
    public (CategoryDefinition? Category, double Score) Classify(string text)
    {
        CategoryDefinition? best = null;
        var bestScore = 0d;
        foreach (var category in taxonomy.Categories)
        {
            var score = category.Cues.Score(text);
            if (score > bestScore) (best, bestScore) = (category, score);
        }
        return (best, bestScore);
    }
}
