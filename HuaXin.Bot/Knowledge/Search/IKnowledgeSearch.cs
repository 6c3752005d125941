namespace HuaXin.Bot.Knowledge.Search;

/// <summary>Retrieval without answer composition: what the answer service, the eval command and the benchmarks use.</summary>
public interface IKnowledgeSearch
{
    /// <summary>The best clauses for a question, best first, at most one chunk per clause; only clauses of
    /// <paramref name="withinDocId"/> when given (a follow-up read in the conversation's topic).</summary>
    KnowledgeSearchResult Search(string question, int top = 3, string? withinDocId = null);

    /// <summary>What answering uses: a decorator may consult a model here (query rewriting, embeddings); lexical by default.</summary>
    Task<KnowledgeSearchResult> SearchAsync(string question, int top, CancellationToken cancellationToken) =>
        Task.FromResult(Search(question, top));
}

/// <param name="Covered">False when the evidence is too weak to answer: saying "not covered" beats citing a wrong clause.</param>
/// <param name="Units">The analyzed question, for choosing the relevant sentences of a long clause.</param>
public sealed record KnowledgeSearchResult(IReadOnlyList<ScoredChunk> Hits, bool Covered, IReadOnlyList<QueryUnit> Units)
{
    /// <summary>Whether the best clause also passes the coverage rule: it matches a good part of the question. Answering
    /// does not need it when a fitted head decides; a follow-up leaves the conversation's topic only for such a clause,
    /// as the follow-up sets showed (README, Quality, round 26).</summary>
    public bool Matched { get; init; }

    /// <summary>The question's most specific word no document uses, to name in a "not covered" reply; null when none.</summary>
    public string? MissingTopic { get; init; }

    /// <summary>Refused because the question names no subject at all: every word is common or asks ("住几天", "咋办").</summary>
    public bool NoSubject { get; init; }

    /// <summary>Refused because the question is about a topic the corpus never mentions: a new subject, not a follow-up.</summary>
    public bool UncoveredTopic { get; init; }

    /// <summary>Refused for an unseen noun (a subset of <see cref="UncoveredTopic"/>): a follow-up that names one starts a
    /// new subject; one whose unseen word is a verb or adverb is still read in the conversation's topic.</summary>
    public bool UncoveredNoun { get; init; }
}
