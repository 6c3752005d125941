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
            .ToList();
        var covered = hits.Count > 0 && hits[0].Coverage >= options.Value.MinCoverage;
        return new KnowledgeSearchResult(hits, covered, units);
    }
}
