using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Reports.Metrics;

/// <summary>Reads a period's <see cref="ReportData"/> from the database in one pass.</summary>
public sealed class ReportDataLoader(IDbContextFactory<HuaXinDbContext> dbFactory, Taxonomy taxonomy, TimeProvider time, IOptions<ReportsOptions> options)
{
    /// <summary>Request category code → its name in the taxonomy.</summary>
    public IReadOnlyDictionary<string, string> CategoryNames { get; } = taxonomy.Categories.ToDictionary(c => c.Code, c => c.Name);

    public async Task<ReportData> LoadAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var repeatFrom = period.From - options.Value.RepeatWindow;
        var workers = await db.Set<Worker>().AsNoTracking().Include(w => w.FamilyMembers).Include(w => w.ChannelIdentities).AsSplitQuery().ToListAsync(cancellationToken);
        var links = await db.Set<FamilyLink>().AsNoTracking().ToListAsync(cancellationToken);
        var requests = await db.ServiceRequests.AsNoTracking().Include(r => r.History)
            .Where(r => r.CreatedAt < period.To && (r.CreatedAt >= repeatFrom || r.UpdatedAt >= period.From))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var feedback = await db.AnswerFeedback.AsNoTracking().Where(f => f.At >= period.From && f.At < period.To).ToListAsync(cancellationToken);
        var unanswered = await db.UnansweredQuestions.AsNoTracking().Where(q => q.At >= period.From && q.At < period.To).ToListAsync(cancellationToken);
        var titles = await db.KnowledgeDocuments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Title, cancellationToken);
        var records = new ServiceRecordSet(
            await db.Set<ServiceVisit>().AsNoTracking().Where(v => v.VisitedAt < period.To).ToListAsync(cancellationToken),
            await db.Set<Condolence>().AsNoTracking().Where(c => c.At >= period.From && c.At < period.To).ToListAsync(cancellationToken),
            await db.Set<AidCase>().AsNoTracking().Include(a => a.Steps).Include(a => a.Payments).Include(a => a.CoHandlers).AsSplitQuery()
                .Where(a => a.AppliedAt < period.To).ToListAsync(cancellationToken),
            await db.Set<VolunteerAssignment>().AsNoTracking().Where(a => a.AssignedAt < period.To).ToListAsync(cancellationToken));
        return new ReportData(period, time.GetUtcNow(), workers, new FamilyResolver(workers, links), requests, feedback, unanswered, titles, CategoryNames, records);
    }
}
