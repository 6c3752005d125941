namespace HuaXin.Bot.AI.Retrieval;

/// <summary>Reciprocal rank fusion: each list adds 1/(k + rank) per item. Needs no score calibration between BM25 and
/// cosine similarity, which live on unrelated scales.</summary>
public static class ReciprocalRankFusion
{
    /// <summary>The usual constant: dampens the head so agreement between lists beats one list's first place.</summary>
    public const int K = 60;

    public static IReadOnlyList<string> Fuse(IEnumerable<IReadOnlyList<string>> rankings) =>
        rankings
            .SelectMany(ranking => ranking.Distinct().Select((key, rank) => (key, score: 1.0 / (K + rank + 1))))
            .GroupBy(x => x.key)
            .Select(g => (g.Key, Score: g.Sum(x => x.score)))
            // Stable: on a tie the earlier list (the original question's lexical ranking) wins.
            .OrderByDescending(x => x.Score)
            .Select(x => x.Key)
            .ToList();
}
