using HuaXin.Bot.Core;
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
    public bool ShowsFullPhone { get; private set; }

    /// <summary>Free text as this staff member may see it: full phone numbers only for the departments working the ticket.</summary>
    public string Shown(string? text) => ShowsFullPhone ? text ?? "" : MobileNumber.MaskAll(text ?? "");
    public string CategoryName => taxonomy.Find(Ticket.Category)?.Name ?? Ticket.Category;
    public string PrintedAt => TicketCards.Local(time.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        var staff = User.ToStaffMember()!;
        var ticket = await board.FindAsync(staff, number.ToUpperInvariant(), ct);
        if (ticket is null)
        {
            return NotFound();
        }
        Ticket = ticket;
        ShowsFullPhone = staff.Department == ticket.Department || ticket.CoHandlers.Any(h => h.Department == staff.Department);
        return Page();
    }
}
