using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.StaffConsole;

/// <summary>Filters of the ticket board. <see cref="Status"/>: empty for the open tickets (the default), <see cref="TicketBoard.AllStatuses"/>
/// for every ticket, or one status. <see cref="Department"/> only counts for admins. <see cref="Query"/>: a ticket number
/// (or part of one), a phone number (or its last digits) or the requester's name.</summary>
public sealed record BoardFilter(string? Status, string? Category, bool Overdue, string? Department, string? Query = null, int Page = 1);

/// <summary>One page of the board, with how many tickets match in all and per status.</summary>
public sealed record BoardPage(IReadOnlyList<ServiceRequest> Tickets, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> StatusCounts)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int OpenCount => Ticket.OpenStatuses.Sum(s => StatusCounts.GetValueOrDefault(s));

    public int AllCount => StatusCounts.Values.Sum();
}

/// <summary>Reads tickets for the console, always scoped to what the staff member's department leads or co-handles
/// (everything for admins). Open tickets come first, the nearest deadline first: the first contact while a ticket waits
/// to be accepted, the resolution after that.</summary>
public sealed class TicketBoard(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time)
{
    public const string AllStatuses = "全部";
    public const int PageSize = 50;
    private const int MaxExport = 20_000;
    public static readonly IReadOnlyList<string> Statuses = [.. Ticket.OpenStatuses, RequestStatus.Resolved, RequestStatus.Rated, RequestStatus.Withdrawn];

    public async Task<BoardPage> ListAsync(StaffMember staff, BoardFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var matching = Matching(db, staff, filter);
        var counts = await matching.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = WithStatus(matching, filter.Status);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var tickets = await Ordered(query).Skip((page - 1) * PageSize).Take(PageSize).Include(r => r.CoHandlers).AsSplitQuery().ToListAsync(ct);
        return new BoardPage(tickets, total, page, PageSize, counts);
    }

    /// <summary>Every ticket of the current list (all pages), in the board's order, for export.</summary>
    public async Task<IReadOnlyList<ServiceRequest>> ExportAsync(StaffMember staff, BoardFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Ordered(WithStatus(Matching(db, staff, filter), filter.Status)).Take(MaxExport).Include(r => r.CoHandlers).AsSplitQuery().ToListAsync(ct);
    }

    /// <summary>The ticket with its history and co-handlers, or null when it does not exist or the staff member's
    /// department neither leads nor co-handles it (one answer for both, so the console does not reveal other departments' numbers).</summary>
    public async Task<ServiceRequest?> FindAsync(StaffMember staff, string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.ServiceRequests.AsNoTracking().Include(r => r.History).Include(r => r.CoHandlers).AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Number == number, ct);
        return ticket is not null && new Ticket(ticket).RoleOf(staff) != CaseRole.None ? ticket : null;
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
        return Ticket.IsOpen(t.Status) && (t.ResolveDue < now || (t.Status == RequestStatus.Pending && t.FirstContactDue < now));
    }

    /// <summary>The deadline a ticket is worked to now: first contact while it waits to be accepted, then resolution.</summary>
    public static DateTimeOffset NextDeadline(ServiceRequest t) => t.Status == RequestStatus.Pending ? t.FirstContactDue : t.ResolveDue;

    private IQueryable<ServiceRequest> Matching(HuaXinDbContext db, StaffMember staff, BoardFilter filter)
    {
        var query = db.ServiceRequests.AsNoTracking();
        if (staff.Role != StaffRole.Admin)
        {
            query = query.Where(r => r.Department == staff.Department || r.CoHandlers.Any(h => h.Department == staff.Department));
        }
        else if (!string.IsNullOrEmpty(filter.Department))
        {
            query = query.Where(r => r.Department == filter.Department);
        }
        if (!string.IsNullOrEmpty(filter.Category)) query = query.Where(r => r.Category == filter.Category);
        if (filter.Overdue)
        {
            var now = time.GetUtcNow();
            query = query.Where(r => Ticket.OpenStatuses.Contains(r.Status) && (r.ResolveDue < now || (r.Status == RequestStatus.Pending && r.FirstContactDue < now)));
        }
        return Search(query, filter.Query?.Trim());
    }

    private static IQueryable<ServiceRequest> Search(IQueryable<ServiceRequest> query, string? q)
    {
        if (string.IsNullOrEmpty(q))
        {
            return query;
        }
        // Digits (with the spaces, dashes, brackets and +86 people type in phone numbers): a phone, its last digits, or a
        // number's tail. A whole phone is looked for as the chat stores it: a mobile as its 11 digits, a landline as 0531-88886601.
        var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 4 && q.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')'))
        {
            var phone = MobileNumber.TryParse(q, out var mobile) ? mobile.Digits : PhoneExtractor.Landline(q) ?? digits;
            return query.Where(r => r.SlotsJson.Contains(phone) || r.Number.Contains(digits));
        }
        var number = q.ToUpperInvariant();
        return query.Where(r => r.Number.Contains(number) || (r.RequesterName != null && r.RequesterName.Contains(q)) || (r.UserName != null && r.UserName.Contains(q)));
    }

    private static IQueryable<ServiceRequest> WithStatus(IQueryable<ServiceRequest> query, string? status) => status switch
    {
        null or "" => query.Where(r => Ticket.OpenStatuses.Contains(r.Status)),
        AllStatuses => query,
        _ => query.Where(r => r.Status == status),
    };

    private static IOrderedQueryable<ServiceRequest> Ordered(IQueryable<ServiceRequest> query) =>
        query.OrderBy(r => Ticket.OpenStatuses.Contains(r.Status) ? 0 : 1)
            .ThenBy(r => r.Status == RequestStatus.Pending ? r.FirstContactDue : r.ResolveDue)
            .ThenBy(r => r.Id);
}
