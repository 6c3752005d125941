using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Ingestion;

/// <summary>One refresh: bring the database up to date with the folder, then the in-memory index with the database.</summary>
public sealed class KnowledgeRefresher(KnowledgeIngestor ingestor, KnowledgeIndexStore store)
{
    public async Task<IngestionReport> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var report = await ingestor.IngestAsync(cancellationToken);
        await store.RefreshAsync(cancellationToken);
        return report;
    }
}
