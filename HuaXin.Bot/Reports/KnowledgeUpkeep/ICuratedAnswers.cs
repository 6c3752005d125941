using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Reports.KnowledgeUpkeep;

/// <summary>The curated question → clause lookup KnowledgeService asks before searching.</summary>
public interface ICuratedAnswers
{
    /// <summary>The pinned clause for this question, or null when none is pinned or the clause is no longer in the index.</summary>
    Citation? Find(string question);
}
