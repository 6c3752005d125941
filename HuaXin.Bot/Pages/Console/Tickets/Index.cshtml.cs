using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Tickets;

/// <summary>The department's ticket board (all departments for admins), with status, category and overdue filters.</summary>
public sealed class IndexModel(TicketBoard board, Taxonomy taxonomy) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }

    public StaffMember Staff { get; private set; } = null!;
    public IReadOnlyList<ServiceRequest> Tickets { get; private set; } = [];
    public IReadOnlyList<CategoryDefinition> Categories => taxonomy.Categories;
    public TicketBoard Board => board;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Staff = User.ToStaffMember()!;
        Tickets = await board.ListAsync(Staff, new BoardFilter(Status, Category, Overdue, Department), ct);
    }

    public string CategoryName(string code) => taxonomy.Find(code)?.Name ?? code;
}
