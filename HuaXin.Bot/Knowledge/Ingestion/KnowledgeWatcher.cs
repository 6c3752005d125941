using HuaXin.Bot.Knowledge.Parsing;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Knowledge.Ingestion;

/// <summary>Re-indexes while the service runs: file changes in the docs folder are debounced into one refresh,
/// so saving a document updates answers within about a second without a restart.</summary>
public sealed class KnowledgeWatcher(
    KnowledgeRefresher refresher,
    KnowledgeLocations locations,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Watch || !Directory.Exists(locations.DocsPath))
        {
            return;
        }
        var changes = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(locations.DocsPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler onChange = (_, e) =>
        {
            if (Directory.Exists(e.FullPath) || DocumentParser.IsSupported(e.FullPath) || e.ChangeType == WatcherChangeTypes.Deleted)
            {
                changes.Release();
            }
        };
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, _) => changes.Release();
        // A full buffer means lost events: re-scan, the content hashes tell what changed.
        watcher.Error += (_, _) => changes.Release();
        watcher.EnableRaisingEvents = true;

        while (!stoppingToken.IsCancellationRequested)
        {
            await changes.WaitAsync(stoppingToken);
            // Debounce: wait until the folder has been quiet for a moment.
            while (await changes.WaitAsync(options.Value.WatchDebounce, stoppingToken))
            {
            }
            try
            {
                await refresher.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Knowledge refresh after a file change failed at {Time}", time.GetUtcNow());
            }
        }
    }
}
