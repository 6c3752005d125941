using HuaXin.Bot.Data;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Ingestion;
using HuaXin.Bot.Knowledge.Parsing;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Reports.KnowledgeUpkeep;

/// <summary>Adds, replaces and removes documents in the configured docs folder and re-indexes at once through
/// <see cref="KnowledgeRefresher"/>, so a new document answers questions as soon as the call returns. A file the engine
/// cannot use is taken out again (or the previous version put back) and the reason returned.</summary>
public sealed class KnowledgeDocumentManager(
    KnowledgeLocations locations,
    KnowledgeRefresher refresher,
    IDbContextFactory<HuaXinDbContext> dbFactory,
    ILogger<KnowledgeDocumentManager> logger)
{
    private const int MaxFileNameBytes = 255;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<KnowledgeFile>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = await db.KnowledgeDocuments.AsNoTracking()
            .Select(d => new { d.Id, d.Title, d.SourcePath, d.IndexedAt, Chunks = d.Chunks.Count })
            .ToListAsync(cancellationToken);
        return documents.OrderBy(d => d.SourcePath, StringComparer.Ordinal)
            .Select(d => new KnowledgeFile(d.SourcePath, d.Id, d.Title, d.Chunks, d.IndexedAt))
            .ToList();
    }

    /// <summary>Saves the upload under its file name (replacing a file of that name) and re-indexes.</summary>
    public async Task<KnowledgeChange> SaveAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        // File systems take 255 bytes per name and no control characters; such a name must be refused, not thrown on.
        if (name.Any(char.IsControl) || System.Text.Encoding.UTF8.GetByteCount(name) > MaxFileNameBytes)
        {
            return KnowledgeChange.Failed($"文件名太长或含有不可用的字符，请改成简短的文件名（不超过 {MaxFileNameBytes / 3} 个汉字）再上传。");
        }
        if (!DocumentParser.IsSupported(name) || name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal))
        {
            return KnowledgeChange.Failed($"只能上传 {string.Join("、", DocumentParser.Extensions.Order())} 文件。");
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(locations.DocsPath);
            var path = Path.Combine(locations.DocsPath, name);
            var previous = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
            await using (var file = File.Create(path))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            var report = await refresher.RefreshAsync(cancellationToken);
            if (report.Problems.FirstOrDefault(p => p.File == name) is { } problem)
            {
                // Put the folder back as it was, so a bad upload never takes a working document out of service.
                if (previous is null)
                {
                    File.Delete(path);
                }
                else
                {
                    await File.WriteAllBytesAsync(path, previous, cancellationToken);
                }
                await refresher.RefreshAsync(cancellationToken);
                return KnowledgeChange.Failed($"{name} 无法使用：{problem.Reason}");
            }
            logger.LogInformation("Knowledge document {File} {Action} through the console", name, previous is null ? "added" : "replaced");
            return new KnowledgeChange(true, previous is null ? $"已上传 {name} 并完成索引。" : $"已替换 {name} 并完成索引。", report);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Deletes a document file (by its path relative to the docs folder) and re-indexes.</summary>
    public async Task<KnowledgeChange> RemoveAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        var root = Path.GetFullPath(locations.DocsPath);
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        // Only files inside the docs folder: the path comes from a form.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return KnowledgeChange.Failed($"没有找到文件 {relativePath}。");
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            File.Delete(path);
            var report = await refresher.RefreshAsync(cancellationToken);
            logger.LogInformation("Knowledge document {File} removed through the console", relativePath);
            return new KnowledgeChange(true, $"已删除 {relativePath}，相关条款不再用于解答。", report);
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed record KnowledgeFile(string Path, string DocId, string Title, int Clauses, DateTimeOffset IndexedAt);

public sealed record KnowledgeChange(bool Ok, string Message, IngestionReport? Report)
{
    public static KnowledgeChange Failed(string message) => new(false, message, null);
}
