using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Tickets;

/// <summary>A ticket on paper: its facts and its whole history (internal notes marked), for the department's files.</summary>
public sealed class PrintModel(TicketBoard board, Taxonomy taxonomy, TimeProvider time) : PageModel
{
    public ServiceRequest Ticket { get; private set; } = null!;
    public StaffMember Staff { get; private set; } = null!;
    private HuaXin.Bot.Tickets.Ticket Rules => new(Ticket);
    public bool ShowsFullPhone => Rules.MayCall(Staff.Department);
    public string Shown(string? text) => Rules.Shown(text, Staff.Department);
    public string CategoryName => taxonomy.Find(Ticket.Category)?.Name ?? Ticket.Category;
    public string PrintedAt => TicketCards.Local(time.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Staff = User.ToStaffMember()!;
        var ticket = await board.FindAsync(Staff, number.ToUpperInvariant(), ct);
        if (ticket is null)
        {
            return NotFound();
        }
        Ticket = ticket;
        return Page();
    }
}
