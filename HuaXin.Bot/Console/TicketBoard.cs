using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Filters of the ticket board; <see cref="Department"/> only counts for admins.</summary>
public sealed record BoardFilter(string? Status, string? Category, bool Overdue, string? Department);

/// <summary>Reads tickets for the console, always scoped to what the staff member may act on.</summary>
public sealed class TicketBoard(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Open = [RequestStatus.Pending, RequestStatus.Accepted, RequestStatus.InProgress, RequestStatus.NeedsInfo];
    public static readonly IReadOnlyList<string> Statuses = [.. Open, RequestStatus.Resolved, RequestStatus.Rated, RequestStatus.Withdrawn];
    private const int PageSize = 200;

    public async Task<IReadOnlyList<ServiceRequest>> ListAsync(StaffMember staff, BoardFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ServiceRequests.AsNoTracking();
        var department = staff.Role == StaffRole.Admin ? filter.Department : staff.Department;
        if (!string.IsNullOrEmpty(department)) query = query.Where(r => r.Department == department);
        if (!string.IsNullOrEmpty(filter.Status)) query = query.Where(r => r.Status == filter.Status);
        if (!string.IsNullOrEmpty(filter.Category)) query = query.Where(r => r.Category == filter.Category);
        if (filter.Overdue)
        {
            var now = time.GetUtcNow();
            query = query.Where(r => Open.Contains(r.Status) && (r.ResolveDue < now || (r.Status == RequestStatus.Pending && r.FirstContactDue < now)));
        }
        return await query.OrderByDescending(r => r.Urgent).ThenBy(r => r.Id).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>The ticket with its history, or null when it does not exist or belongs to another department (one
    /// answer for both, so the console does not reveal other departments' numbers).</summary>
    public async Task<ServiceRequest?> FindAsync(StaffMember staff, string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.ServiceRequests.AsNoTracking().Include(r => r.History).SingleOrDefaultAsync(r => r.Number == number, ct);
        return ticket is not null && staff.MayActOn(ticket.Department) ? ticket : null;
    }

    /// <summary>The department that owns a ticket, or null when there is no such ticket; only for telling a staff
    /// member who holds a valid action link which department may act instead.</summary>
    public async Task<string?> DepartmentOfAsync(string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ServiceRequests.AsNoTracking().Where(r => r.Number == number).Select(r => r.Department).SingleOrDefaultAsync(ct);
    }

    public bool IsOverdue(ServiceRequest t)
    {
        var now = time.GetUtcNow();
        return Open.Contains(t.Status) && (t.ResolveDue < now || (t.Status == RequestStatus.Pending && t.FirstContactDue < now));
    }
}
