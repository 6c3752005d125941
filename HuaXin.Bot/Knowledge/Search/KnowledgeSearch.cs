using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>BM25F with lexicon query expansion, blended with plain bigram BM25 so that retrieval never falls below the
/// plain floor where the lexicon misleads or finds nothing; coverage-based abstention.</summary>
public sealed class KnowledgeSearch(KnowledgeIndexStore store, QueryAnalyzer analyzer, IOptions<KnowledgeOptions> options) : IKnowledgeSearch
{
    // Chunks of one long clause compete for the same place; fetch extra so dropping them still leaves enough clauses.
    private const int ChunksPerClause = 4;
    private const int Candidates = 30;

    /// <summary>Share of the blended score that comes from the lexicon-aware ranking (the rest from plain bigrams).</summary>
    private const double LexiconShare = 0.7;

    public KnowledgeSearchResult Search(string question, int top = 3, string? withinDocId = null)
    {
        var snapshot = store.Current;
        var index = snapshot.Bm25;
        var units = analyzer.Analyze(question, index);
        // Within one document every clause is a candidate; the corpus-wide search keeps the best few.
        var wanted = withinDocId is null ? Candidates : index.Chunks.Count;
        var product = index.Score(units, wanted * ChunksPerClause)
            .Where(h => withinDocId is null || h.Chunk.DocId == withinDocId)
            .DistinctBy(h => h.Chunk.ClauseKey)
            .ToList();
        var plain = snapshot.Plain.Search(question, wanted).Where(p => withinDocId is null || p.Clause.DocId == withinDocId).ToList();
        // Whether to answer is one decision per question, taken on the lexicon-aware best clause.
        var covered = product.Count > 0 && IsConfident(product[0], index);
        var hits = Blend(product, plain).Take(top).Select(h => h with { Confident = covered }).ToList();
        return new KnowledgeSearchResult(hits, covered, units);
    }

    /// <summary>Each clause scores the weighted sum of its two scores, each relative to its ranking's best.</summary>
    private static IEnumerable<ScoredChunk> Blend(IReadOnlyList<ScoredChunk> product, IReadOnlyList<(IndexedChunk Clause, double Score)> plain)
    {
        var productBest = product.Count > 0 ? product[0].Score : 1;
        var plainBest = plain.Count > 0 ? plain[0].Score : 1;
        var plainScores = plain.ToDictionary(p => p.Clause.ClauseKey, p => p.Score / plainBest);
        var blended = product.Select(h => h with { Score = LexiconShare * h.Score / productBest + (1 - LexiconShare) * plainScores.GetValueOrDefault(h.Chunk.ClauseKey) }).ToList();
        var seen = product.Select(h => h.Chunk.ClauseKey).ToHashSet();
        blended.AddRange(plain.Where(p => !seen.Contains(p.Clause.ClauseKey))
            .Select(p => new ScoredChunk(p.Clause, (1 - LexiconShare) * p.Score / plainBest, 0, 0, 0)));
        return blended.OrderByDescending(h => h.Score);
    }

    /// <summary>The abstention rule. A clause answers the question when it matches a good part of what the question is
    /// about (IDF-weighted coverage), or, for long chatty questions whose extra words the documents never use, when it
    /// matches several of the question's words. Measured on sets the rule was not written from, a stricter rule
    /// refused many more answerable questions than it caught unanswerable ones: colloquial questions are full of words
    /// no regulation uses, so missing words alone do not mean a missing topic.</summary>
    private bool IsConfident(ScoredChunk hit, Bm25Index index) =>
        hit.Coverage >= options.Value.MinCoverage
        || (hit.MatchedUnits >= options.Value.MinMatchedUnits && hit.MatchedIdf >= index.UniqueTermIdf / 2);
}
