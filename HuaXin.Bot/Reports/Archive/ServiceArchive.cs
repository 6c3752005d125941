using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.Reports.Metrics;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Reports.Archive;

/// <summary>Reads family archives: a family's requests are those whose requester resolves to the worker (see <see cref="FamilyResolver"/>).</summary>
public sealed class ServiceArchive(IDbContextFactory<HuaXinDbContext> dbFactory, ReportDataLoader loader)
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
        var workers = await db.Set<Worker>().AsNoTracking().Include(w => w.FamilyMembers).Where(filter).OrderBy(w => w.StaffId).ToListAsync(cancellationToken);
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
        var requests = await db.ServiceRequests.AsNoTracking().Include(r => r.History)
            .Where(r => EF.Parameter(userIds).Contains(r.UserId))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var byWorker = requests
            .Select(r => (Worker: resolver.Find(r.Channel, r.UserId), Request: r))
            .Where(x => x.Worker is not null)
            .ToLookup(x => x.Worker!.Id, x => x.Request);
        var categories = loader.CategoryNames;
        return workers.Select(w => new FamilyArchive(
                w.StaffId, w.Name, w.Unit, w.Phone, w.Hometown, w.RegisteredAt,
                w.FamilyMembers.OrderBy(m => m.Id).Select(m => new ArchiveMember(m.Name, m.Relation, m.Phone, m.Address)).ToList(),
                byWorker[w.Id].OrderBy(r => r.CreatedAt).Select(r => new ArchiveRequest(
                    r.Number, categories.GetValueOrDefault(r.Category, r.Category), r.Department, r.Status, r.UserName ?? r.UserId,
                    r.CreatedAt, r.AcceptedAt, r.ResolvedAt, r.Result, r.Rating, r.RatingComment, r.Supervised,
                    r.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ArchiveContact(h.At, h.Action, h.ToStatus, h.Actor, h.Note)).ToList()))
                    .ToList()))
            .ToList();
    }

    private static List<(string Channel, string UserId)> Identities(IEnumerable<Worker> workers, IEnumerable<FamilyLink> links) =>
    [
        .. workers.SelectMany(FamilyIdentities.RosterIdentities),
        .. links.Select(l => (l.Channel, l.UserId)),
    ];
}
