using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Answering;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Reports.KnowledgeUpkeep;

/// <summary>Stores curated answers and serves <see cref="ICuratedAnswers"/> from an in-memory copy, so the answer path
/// makes no database call; the copy is reloaded on every change made through this store.</summary>
public sealed class CuratedAnswerStore(IDbContextFactory<HuaXinDbContext> dbFactory, KnowledgeIndexStore index, TimeProvider time) : ICuratedAnswers
{
    private volatile Dictionary<string, CuratedAnswer>? _byQuestion;

    public Citation? Find(string question)
    {
        var map = _byQuestion ?? Load();
        if (!map.TryGetValue(CuratedQuestion.Normalize(question), out var curated))
        {
            return null;
        }
        var clause = index.Current.Bm25.Chunks
            .Where(c => c.DocId == curated.DocId && Matches(c.Headings, curated.Heading))
            .OrderBy(c => c.Ordinal)
            .ToList();
        if (clause.Count == 0)
        {
            return null;
        }
        // A long clause is stored as several chunks with the same headings; the answer is the whole clause.
        var first = clause[0];
        var sameClause = clause.Where(c => c.ClauseKey == first.ClauseKey).Select(c => c.Text);
        return new Citation(first.DocId, first.Title, first.Headings, string.Join("\n", sameClause), 1);
    }

    public async Task<IReadOnlyList<CuratedAnswer>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<CuratedAnswer>().AsNoTracking().OrderBy(a => a.Question).ToListAsync(cancellationToken);
    }

    /// <summary>Pins a question to a clause (replacing an earlier pin of the same question); null when the clause is not in
    /// the index, so a typo in the heading cannot silently make an unanswerable pin.</summary>
    public async Task<string?> SaveAsync(string question, string docId, string heading, string createdBy, CancellationToken cancellationToken = default)
    {
        var normalized = CuratedQuestion.Normalize(question);
        if (normalized.Length == 0)
        {
            return "请填写问题。";
        }
        heading = heading.Trim();
        if (!index.Current.Bm25.Chunks.Any(c => c.DocId == docId && Matches(c.Headings, heading)))
        {
            return $"知识库中没有找到文档“{docId}”的条款“{heading}”。";
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<CuratedAnswer>().SingleOrDefaultAsync(a => a.NormalizedQuestion == normalized, cancellationToken);
        if (existing is null)
        {
            db.Add(new CuratedAnswer
            {
                Question = question.Trim(), NormalizedQuestion = normalized, DocId = docId, Heading = heading, CreatedBy = createdBy, CreatedAt = time.GetUtcNow(),
            });
        }
        else
        {
            existing.Question = question.Trim();
            existing.DocId = docId;
            existing.Heading = heading;
            existing.CreatedBy = createdBy;
            existing.CreatedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        _byQuestion = null;
        return null;
    }

    public async Task DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Set<CuratedAnswer>().Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        _byQuestion = null;
    }

    private Dictionary<string, CuratedAnswer> Load()
    {
        using var db = dbFactory.CreateDbContext();
        var map = db.Set<CuratedAnswer>().AsNoTracking().ToDictionary(a => a.NormalizedQuestion);
        _byQuestion = map;
        return map;
    }

    private static bool Matches(IReadOnlyList<string> headings, string heading) =>
        headings.Count > 0 && (headings[^1] == heading || string.Join(" ", headings) == heading);
}
