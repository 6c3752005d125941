using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Data;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenAI.Embeddings;

namespace HuaXin.Bot.AI.Retrieval;

/// <summary>Chunk embeddings for the current index snapshot. After every knowledge refresh it embeds only the chunks
/// whose content hash has no stored vector yet (so ingestion stays incremental and instances share the work through
/// the database), then answers nearest-neighbour queries by cosine similarity over the snapshot.</summary>
public sealed class EmbeddingIndex(
    EmbeddingClient embeddings,
    ModelCalls model,
    IDbContextFactory<HuaXinDbContext> dbFactory,
    IOptions<AIOptions> options,
    ILogger<EmbeddingIndex> logger) : IKnowledgeIndexObserver
{
    public const string IngestOperation = "embed_chunks";
    public const string QueryOperation = "embed_query";

    private const int BatchSize = 16;

    // Embedding a corpus is not a user turn: it gets its own, more generous budget per batch.
    private static readonly TimeSpan BatchBudget = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot _current = new("", []);

    public async Task IndexChangedAsync(KnowledgeIndex index, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var chunks = index.Bm25.Chunks.Select(c => (Chunk: c, Hash: Hash(c))).ToList();
            if (_current.Fingerprint == index.Fingerprint && _current.Entries.Count == chunks.Count)
            {
                return;
            }
            var modelName = options.Value.EmbeddingModel!;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var stored = await db.Set<ChunkEmbedding>().AsNoTracking().Where(e => e.Model == modelName)
                .ToDictionaryAsync(e => e.ContentHash, e => e.Vector, cancellationToken);
            var missing = chunks.Where(c => !stored.ContainsKey(c.Hash)).DistinctBy(c => c.Hash).ToList();
            foreach (var batch in missing.Chunk(BatchSize))
            {
                var vectors = await model.RunAsync(IngestOperation, BatchBudget,
                    token => embeddings.GenerateEmbeddingsAsync(batch.Select(c => Text(c.Chunk)), cancellationToken: token), cancellationToken);
                if (vectors is null)
                {
                    // The rest is embedded after the next refresh; search meanwhile uses the vectors it has.
                    break;
                }
                foreach (var (chunk, vector) in batch.Zip(vectors.Value))
                {
                    var bytes = ToBytes(vector.ToFloats());
                    stored[chunk.Hash] = bytes;
                    db.Set<ChunkEmbedding>().Add(new ChunkEmbedding { Model = modelName, ContentHash = chunk.Hash, Vector = bytes });
                }
                await SaveAsync(db, cancellationToken);
            }
            var vectorsByChunk = chunks.Where(c => stored.ContainsKey(c.Hash))
                .Select(c => new Entry(c.Chunk, FromBytes(stored[c.Hash]))).ToList();
            _current = new Snapshot(index.Fingerprint, vectorsByChunk);
            logger.LogInformation("Embeddings ready for {Embedded} of {Chunks} chunks ({New} new)", vectorsByChunk.Count, chunks.Count, missing.Count);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The chunks nearest to the question, best first; empty when the query cannot be embedded in time.</summary>
    public async Task<IReadOnlyList<(IndexedChunk Chunk, double Similarity)>> NearestAsync(string question, int top, CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (snapshot.Entries.Count == 0)
        {
            return [];
        }
        var result = await model.RunAsync(QueryOperation, options.Value.TurnDeadline,
            token => embeddings.GenerateEmbeddingAsync(UserText.ForPrompt(question), cancellationToken: token), cancellationToken);
        if (result is null)
        {
            return [];
        }
        var query = result.Value.ToFloats().ToArray();
        return snapshot.Entries
            .Where(e => e.Vector.Length == query.Length)
            .Select(e => (e.Chunk, Similarity: (double)TensorPrimitives.CosineSimilarity(query, e.Vector)))
            .OrderByDescending(e => e.Similarity)
            .Take(top)
            .ToList();
    }

    private async Task SaveAsync(HuaXinDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another instance stored the same vectors first: theirs are as good as ours.
            logger.LogDebug(e, "Embeddings already stored by another instance");
            db.ChangeTracker.Clear();
        }
    }

    private static string Text(IndexedChunk chunk) => $"{chunk.Title} {string.Join(' ', chunk.Headings)}\n{chunk.Text}";

    private static string Hash(IndexedChunk chunk) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Text(chunk))));

    private static byte[] ToBytes(ReadOnlyMemory<float> vector) => [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.Span)];

    private static float[] FromBytes(byte[] bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes).ToArray();

    private sealed record Entry(IndexedChunk Chunk, float[] Vector);

    private sealed record Snapshot(string Fingerprint, IReadOnlyList<Entry> Entries);
}
