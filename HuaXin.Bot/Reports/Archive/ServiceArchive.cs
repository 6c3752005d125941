using HuaXin.Bot.Data;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Families.Tracking;
using HuaXin.Bot.People;
using HuaXin.Bot.Reports.Metrics;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Reports.Archive;

/// <summary>Reads family archives: a family's requests are those whose requester resolves to the worker (see
/// <see cref="FamilyResolver"/>), with the family's service records.</summary>
public sealed class ServiceArchive(IDbContextFactory<HuaXinDbContext> dbFactory, ReportDataLoader loader, IOptionsMonitor<VisitRuleOptions> rules, TimeProvider time)
{
    public async Task<FamilyArchive?> GetAsync(string staffId, CancellationToken cancellationToken = default)
    {
        var archives = await ListAsync(w => w.StaffId == staffId, cancellationToken);
        return archives.SingleOrDefault();
    }

    /// <summary>Every family of a unit (all units when null), in 工号 order.</summary>
    public Task<IReadOnlyList<FamilyArchive>> ForUnitAsync(string? unit, CancellationToken cancellationToken = default) =>
        ListAsync(w => unit == null || w.Unit == unit, cancellationToken);

    private async Task<IReadOnlyList<FamilyArchive>> ListAsync(System.Linq.Expressions.Expression<Func<Worker, bool>> filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var workers = await db.Set<Worker>().AsNoTracking().Include(w => w.FamilyMembers).Include(w => w.ChannelIdentities).AsSplitQuery().Where(filter).OrderBy(w => w.StaffId).ToListAsync(cancellationToken);
        if (workers.Count == 0)
        {
            return [];
        }
        var ids = workers.Select(w => w.Id).ToList();
        // One array parameter, not one SQL variable per worker: a group's roster runs to tens of thousands, past the
        // variable limits of SQLite (32,766) and PostgreSQL (65,535).
        var links = await db.Set<FamilyLink>().AsNoTracking().Where(l => EF.Parameter(ids).Contains(l.WorkerId)).ToListAsync(cancellationToken);
        var resolver = new FamilyResolver(workers, links);
        var identities = Identities(workers, links);
        var userIds = identities.Select(i => i.UserId).Distinct().ToList();
        var requests = await db.ServiceRequests.AsNoTracking().Include(r => r.History).Include(r => r.CoHandlers)
            .Where(r => EF.Parameter(userIds).Contains(r.UserId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var byWorker = requests
            .Select(r => (Worker: resolver.Find(r.Channel, r.UserId), Request: r))
            .Where(x => x.Worker is not null)
            .ToLookup(x => x.Worker!.Id, x => x.Request);
        var visits = (await db.Set<ServiceVisit>().AsNoTracking().Where(v => EF.Parameter(ids).Contains(v.WorkerId)).ToListAsync(cancellationToken)).ToLookup(v => v.WorkerId);
        var condolences = (await db.Set<Condolence>().AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.WorkerId)).ToListAsync(cancellationToken)).ToLookup(c => c.WorkerId);
        var cases = (await db.Set<AidCase>().AsNoTracking().Include(a => a.Steps).Include(a => a.Payments).Include(a => a.CoHandlers).AsSplitQuery()
            .Where(a => EF.Parameter(ids).Contains(a.WorkerId)).ToListAsync(cancellationToken)).ToLookup(a => a.WorkerId);
        var volunteering = (await db.Set<VolunteerAssignment>().AsNoTracking().Where(a => EF.Parameter(ids).Contains(a.WorkerId))
            .Join(db.Set<Volunteer>(), a => a.VolunteerId, v => v.Id, (a, v) => new { a, v.Name }).ToListAsync(cancellationToken)).ToLookup(x => x.a.WorkerId);
        var liaisonIds = workers.Select(w => w.LiaisonId).OfType<long>().Distinct().ToList();
        var liaisons = await db.Set<Worker>().AsNoTracking().Where(w => EF.Parameter(liaisonIds).Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var now = time.GetUtcNow();
        var categories = loader.CategoryNames;
        return workers.Select(w =>
            {
                var familyRequests = byWorker[w.Id].OrderBy(r => r.CreatedAt).ToList();
                var lastHome = visits[w.Id].Where(v => v.Mode == VisitModes.Home).Select(v => (DateTimeOffset?)v.VisitedAt).Max();
                return new FamilyArchive(
                    w.StaffId, w.Name, w.Unit, w.Phone, w.Hometown, w.RegisteredAt,
                    w.FamilyMembers.OrderBy(m => m.Id).Select(m => new ArchiveMember(m.Name, m.Relation, m.Phone, m.Address)).ToList(),
                    familyRequests.Select(r => new ArchiveRequest(
                        r.Number, categories.GetValueOrDefault(r.Category, r.Category), r.Department, r.Status, r.RequesterName ?? r.UserName ?? "申请人",
                        r.CreatedAt, r.AcceptedAt, r.ResolvedAt, r.Result, r.Rating, r.RatingComment, r.Supervised,
                        r.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ArchiveContact(h.At, h.Action, h.ToStatus, HistoryActors.Name(h, r), h.Note, h.Internal)).ToList())
                    {
                        RequesterRelation = r.RequesterRelation,
                        CoHandlers = r.CoHandlers.Select(h => h.Department).ToList(),
                        OriginalText = r.OriginalText,
                    }).ToList())
                {
                    Liaison = w.LiaisonId is { } l && liaisons.TryGetValue(l, out var liaison) ? (liaison.Name, liaison.StaffId) : null,
                    Priority = w.Priority,
                    NextVisit = VisitSchedule.Due(w, lastHome, VisitSchedule.IsPriority(w, cases[w.Id], now), rules.CurrentValue),
                    Visits = visits[w.Id].OrderByDescending(v => v.VisitedAt).ToList(),
                    Condolences = condolences[w.Id].OrderByDescending(c => c.At).ToList(),
                    AidCases = cases[w.Id].OrderByDescending(a => a.AppliedAt).ToList(),
                    Volunteering = volunteering[w.Id].OrderByDescending(x => x.a.AssignedAt).Select(x => (x.a, x.Name)).ToList(),
                    ServedBy = familyRequests.SelectMany(r => r.CoHandlers.Select(h => h.Department).Append(r.Department))
                        .Concat(visits[w.Id].Select(v => v.Department))
                        .Concat(condolences[w.Id].Select(c => c.Department))
                        .Concat(cases[w.Id].SelectMany(a => a.CoHandlers.Select(h => h.Department).Append(a.Department)))
                        .Concat(volunteering[w.Id].Select(x => x.a.Department))
                        .ToHashSet(),
                };
            })
            .ToList();
    }

    private static List<(string Channel, string UserId)> Identities(IEnumerable<Worker> workers, IEnumerable<FamilyLink> links) =>
    [
        .. workers.SelectMany(FamilyIdentities.RosterIdentities),
        .. links.Select(l => (l.Channel, l.UserId)),
    ];
}
