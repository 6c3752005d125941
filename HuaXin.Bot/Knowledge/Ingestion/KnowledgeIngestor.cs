using System.Security.Cryptography;
using HuaXin.Bot.Data;
using HuaXin.Bot.Knowledge.Parsing;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Knowledge.Ingestion;

/// <summary>Mirrors the docs folder into the database. Only files whose SHA-256 changed are parsed and rewritten,
/// so a restart or a one-file edit costs one file's work; files that cannot be used are reported and skipped.</summary>
public sealed class KnowledgeIngestor(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    KnowledgeLocations locations,
    TimeProvider time,
    ILogger<KnowledgeIngestor> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The outcome of the latest pass, for diagnostics (e.g. the eval command lists skipped files).</summary>
    public IngestionReport? LastReport { get; private set; }

    public async Task<IngestionReport> IngestAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await IngestCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IngestionReport> IngestCoreAsync(CancellationToken cancellationToken)
    {
        var root = locations.DocsPath;
        if (!Directory.Exists(root))
        {
            // An absent folder is more likely a deployment mistake than "delete everything": keep what is stored.
            logger.LogWarning("Knowledge folder {DocsPath} not found; stored documents are kept as they are", root);
            return new IngestionReport([], [], [], 0, [new IngestionProblem(root, "知识库文件夹不存在")]);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.KnowledgeDocuments.AsNoTracking()
            .Select(d => new StoredDocument(d.Id, d.SourcePath, d.ContentHash))
            .ToListAsync(cancellationToken);
        var storedByPath = stored.GroupBy(d => d.SourcePath).ToDictionary(g => g.Key, g => g.First());
        var storedIds = stored.Select(d => d.Id).ToHashSet();

        var problems = new List<IngestionProblem>();
        var files = await ReadFilesAsync(root, problems, cancellationToken);

        // Unchanged files keep their ids first, so a new file cannot take over an id already in service.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var changed = new List<SourceFile>();
        foreach (var file in files)
        {
            if (storedByPath.TryGetValue(file.RelativePath, out var known) && known.ContentHash == file.Hash && owners.TryAdd(known.Id, file.RelativePath))
            {
                continue;
            }
            changed.Add(file);
        }
        var unchanged = owners.Count;

        var upserts = new List<KnowledgeDocument>();
        foreach (var file in changed)
        {
            ParsedDocument parsed;
            try
            {
                parsed = DocumentParser.Parse(file.RelativePath, file.Content);
            }
            catch (DocumentFormatException e)
            {
                problems.Add(new IngestionProblem(file.RelativePath, e.Message));
                continue;
            }
            if (!owners.TryAdd(parsed.Id, file.RelativePath))
            {
                problems.Add(new IngestionProblem(file.RelativePath, $"id \"{parsed.Id}\" 与 {owners[parsed.Id]} 重复"));
                continue;
            }
            upserts.Add(ToEntity(parsed, file));
        }

        var removed = storedIds.Where(id => !owners.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var replaced = upserts.Select(d => d.Id).Where(storedIds.Contains).ToList();
        if (upserts.Count > 0 || removed.Count > 0)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var stale = removed.Concat(replaced).ToList();
            await db.KnowledgeChunks.Where(c => stale.Contains(c.DocumentId)).ExecuteDeleteAsync(cancellationToken);
            await db.KnowledgeDocuments.Where(d => stale.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            db.KnowledgeDocuments.AddRange(upserts);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var report = new IngestionReport(
            upserts.Select(d => d.Id).Where(id => !storedIds.Contains(id)).ToList(),
            replaced,
            removed,
            unchanged,
            problems);
        Log(report);
        LastReport = report;
        return report;
    }

    private async Task<List<SourceFile>> ReadFilesAsync(string root, List<IngestionProblem> problems, CancellationToken cancellationToken)
    {
        var files = new List<SourceFile>();
        var paths = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => DocumentParser.IsSupported(p) && !IsEditorArtifact(p))
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            try
            {
                if (new FileInfo(path).Length > DocumentParser.MaxFileBytes)
                {
                    problems.Add(new IngestionProblem(relative, $"文件超过 {DocumentParser.MaxFileBytes / 1024 / 1024} MB"));
                    continue;
                }
                var content = await File.ReadAllBytesAsync(path, cancellationToken);
                files.Add(new SourceFile(relative, content, Hash(content)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add(new IngestionProblem(relative, $"无法读取文件：{e.Message}"));
            }
        }
        return files;
    }

    /// <summary>The file's SHA-256 salted with the parser version, so documents are read again when the reader changed.</summary>
    private static string Hash(byte[] content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(DocumentParser.Version + "\n"));
        sha.AppendData(content);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // Word keeps "~$name.docx" lock files and editors keep hidden swap files next to the documents.
    private static bool IsEditorArtifact(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("~$", StringComparison.Ordinal) || name.StartsWith('.');
    }

    private KnowledgeDocument ToEntity(ParsedDocument parsed, SourceFile file) => new()
    {
        Id = parsed.Id,
        Title = parsed.Title,
        Category = parsed.Category,
        Effective = parsed.Effective,
        Owner = parsed.Owner,
        SourcePath = file.RelativePath,
        ContentHash = file.Hash,
        IndexedAt = time.GetUtcNow(),
        Chunks = parsed.Chunks.Select((c, i) => new KnowledgeChunk
        {
            DocumentId = parsed.Id,
            Ordinal = i,
            HeadingsJson = HeadingsJson.Serialize(c.Headings),
            Text = c.Text,
        }).ToList(),
    };

    private void Log(IngestionReport report)
    {
        foreach (var problem in report.Problems)
        {
            logger.LogWarning("Knowledge file {File} skipped: {Reason}", problem.File, problem.Reason);
        }
        logger.LogInformation(
            "Knowledge ingestion: {Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged, {Problems} skipped",
            report.Added.Count, report.Updated.Count, report.Removed.Count, report.Unchanged, report.Problems.Count);
    }

    private sealed record StoredDocument(string Id, string SourcePath, string ContentHash);

    private sealed record SourceFile(string RelativePath, byte[] Content, string Hash);
}
