using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Knowledge.Answering;

/// <summary>The curated question → clause lookup KnowledgeService asks before searching. Knowledge owns the question;
/// the knowledge upkeep in Reports answers it. Required, not optional: a host without it fails at start instead of
/// answering pinned questions from search without anyone noticing.</summary>
public interface ICuratedAnswers
{
    /// <summary>The pinned clause for this question, or null when none is pinned or the clause is no longer in the index.</summary>
    Citation? Find(string question);
}
