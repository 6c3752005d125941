using HuaXin.Bot.Knowledge.Search;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.AI.Retrieval;

/// <summary>Lexical search widened by the model: a rewritten question when the original is not covered, and the
/// embedding neighbours when an embedding model is configured, fused by reciprocal rank. Coverage stays a lexical
/// decision (original or rewritten question): semantic similarity reorders clauses, it never makes a question answerable,
/// and the clause answered from is always one the lexical evidence is confident about.</summary>
public sealed class HybridKnowledgeSearch(
    IKnowledgeSearch lexical,
    IOptions<AIOptions> options,
    QueryRewriter rewriter,
    EmbeddingIndex? embeddings) : IKnowledgeSearch
{
    // Semantic neighbours fetched per wanted clause: several chunks may belong to one clause.
    private const int ChunksPerClause = 4;

    public KnowledgeSearchResult Search(string question, int top = 3, string? withinDocId = null) => lexical.Search(question, top, withinDocId);

    public async Task<KnowledgeSearchResult> SearchAsync(string question, int top, CancellationToken cancellationToken)
    {
        var original = lexical.Search(question, top);
        var results = new List<KnowledgeSearchResult> { original };
        if (!original.Covered && options.Value.RewriteQueries
            && await rewriter.RewriteAsync(question, cancellationToken) is { } rewritten)
        {
            results.Add(lexical.Search(rewritten, top));
        }
        var semantic = embeddings is null ? [] : await embeddings.NearestAsync(question, top * ChunksPerClause, cancellationToken);
        if (results.Count == 1 && semantic.Count == 0)
        {
            return original;
        }

        var covering = results.FirstOrDefault(r => r.Covered);
        var candidates = new Dictionary<string, ScoredChunk>();
        foreach (var hit in results.SelectMany(r => r.Hits))
        {
            // The same clause from two lexical lists: keep the more confident reading.
            if (!candidates.TryGetValue(hit.Chunk.ClauseKey, out var known) || (hit.Confident && !known.Confident))
            {
                candidates[hit.Chunk.ClauseKey] = hit;
            }
        }
        foreach (var (chunk, similarity) in semantic)
        {
            candidates.TryAdd(chunk.ClauseKey, new ScoredChunk(chunk, Math.Round(similarity, 4), 0, 0, 0));
        }
        var rankings = results.Select(r => (IReadOnlyList<string>)r.Hits.Select(h => h.Chunk.ClauseKey).ToList())
            .Append(semantic.Select(s => s.Chunk.ClauseKey).Distinct().ToList());
        var fused = ReciprocalRankFusion.Fuse(rankings).Select(key => candidates[key]).ToList();
        if (covering is not null && !fused[0].Confident)
        {
            var best = fused.First(h => h.Confident);
            fused.Remove(best);
            fused.Insert(0, best);
        }
        fused = fused.Take(top).ToList();
        return new KnowledgeSearchResult(fused, covering is not null, (covering ?? original).Units)
        {
            Matched = (covering ?? original).Matched,
            MissingTopic = original.MissingTopic,
            UncoveredTopic = covering is null && original.UncoveredTopic,
            UncoveredNoun = covering is null && original.UncoveredNoun,
            NoSubject = covering is null && original.NoSubject,
        };
    }
}
