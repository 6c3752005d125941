using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Ingestion;

/// <summary>One refresh: bring the database up to date with the folder, then the in-memory index with the database,
/// then whatever derives from the index (e.g. embeddings).</summary>
public sealed class KnowledgeRefresher(KnowledgeIngestor ingestor, KnowledgeIndexStore store, IEnumerable<IKnowledgeIndexObserver> observers)
{
    public async Task<IngestionReport> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var report = await ingestor.IngestAsync(cancellationToken);
        await store.RefreshAsync(cancellationToken);
        // Told on every refresh, changed or not, so an observer can also finish work an earlier refresh left undone.
        foreach (var observer in observers)
        {
            await observer.IndexChangedAsync(store.Current, cancellationToken);
        }
        return report;
    }
}
