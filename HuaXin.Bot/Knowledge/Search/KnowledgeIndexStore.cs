using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>Holds the current in-memory index and rebuilds it from the database when the stored documents changed.
/// Reading from the database, not from the files, is what lets several instances sharing one database converge.</summary>
public sealed class KnowledgeIndexStore(IDbContextFactory<HuaXinDbContext> dbFactory, ILogger<KnowledgeIndexStore> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KnowledgeIndex _current = KnowledgeIndex.Empty;

    public KnowledgeIndex Current => _current;

    /// <returns>True when a new snapshot was built.</returns>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // One read transaction: documents and chunks from the same committed state.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var versions = await db.KnowledgeDocuments.AsNoTracking()
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Title, d.ContentHash })
                .ToListAsync(cancellationToken);
            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', versions.Select(v => $"{v.Id}\t{v.ContentHash}")))));
            if (fingerprint == _current.Fingerprint)
            {
                return false;
            }
            var titles = versions.ToDictionary(v => v.Id, v => v.Title);
            var rows = await db.KnowledgeChunks.AsNoTracking()
                .OrderBy(c => c.DocumentId).ThenBy(c => c.Ordinal)
                .Select(c => new { c.DocumentId, c.Ordinal, c.HeadingsJson, c.Text })
                .ToListAsync(cancellationToken);
            var chunks = rows.Where(r => titles.ContainsKey(r.DocumentId))
                .Select(r => new IndexedChunk(r.DocumentId, titles[r.DocumentId], HeadingsJson.Deserialize(r.HeadingsJson), r.Text, r.Ordinal))
                .ToList();
            _current = new KnowledgeIndex(new Bm25Index(chunks), fingerprint, versions.Count);
            logger.LogInformation("Knowledge index rebuilt: {Documents} documents, {Chunks} chunks", versions.Count, chunks.Count);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
