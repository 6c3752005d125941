using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>BM25F over the current index snapshot, with lexicon query expansion and coverage-based abstention.</summary>
public sealed class KnowledgeSearch(KnowledgeIndexStore store, QueryAnalyzer analyzer, IOptions<KnowledgeOptions> options) : IKnowledgeSearch
{
    // Chunks of one long clause compete for the same place; fetch extra so dropping them still leaves enough clauses.
    private const int ChunksPerClause = 4;

    public KnowledgeSearchResult Search(string question, int top = 3)
    {
        var index = store.Current.Bm25;
        var units = analyzer.Analyze(question, index);
        var hits = index.Score(units, top * ChunksPerClause)
            .DistinctBy(h => h.Chunk.ClauseKey)
            .Take(top)
            .Select(h => h with { Confident = IsConfident(h, index) })
            .ToList();
        return new KnowledgeSearchResult(hits, hits.Count > 0 && hits[0].Confident, units);
    }

    /// <summary>The abstention rule. A clause answers the question when it matches most of what the question is about
    /// (IDF-weighted coverage), or, for long chatty questions whose extra words the documents never use, when it
    /// matches several of the question's words that together are as specific as a term found in only one clause.
    /// Both are relative to the question and the corpus, so they carry over to documents never tuned on.</summary>
    private bool IsConfident(ScoredChunk hit, Bm25Index index) =>
        hit.Coverage >= options.Value.MinCoverage
        || (hit.MatchedUnits >= options.Value.MinMatchedUnits && hit.MatchedIdf >= index.UniqueTermIdf);
}
