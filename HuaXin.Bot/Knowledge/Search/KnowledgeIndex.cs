namespace HuaXin.Bot.Knowledge.Search;

/// <summary>One consistent snapshot of the searchable corpus; <see cref="Fingerprint"/> identifies the stored
/// document versions it was built from.</summary>
public sealed record KnowledgeIndex(Bm25Index Bm25, string Fingerprint, int DocumentCount)
{
    public static readonly KnowledgeIndex Empty = new(new Bm25Index([]), "", 0);

    /// <summary>The plain-bigram floor over the same chunks.</summary>
    public PlainBigramIndex Plain { get; } = new(Bm25.Chunks);
}
