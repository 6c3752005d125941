using HuaXin.Bot.Families;
using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>A family's archive on paper: the family, the timeline and the service records (phones masked).</summary>
public sealed class PrintModel(ServiceArchive archive, FamilyAccess access, TimeProvider time) : PageModel
{
    public FamilyArchive Family { get; private set; } = null!;
    public string PrintedAt => TicketCards.Local(time.GetUtcNow());

    public async Task<IActionResult> OnGetAsync(string staffId, CancellationToken ct)
    {
        var staff = User.ToStaffMember()!;
        var family = await archive.GetAsync(staffId, ct);
        if (family is null || !access.MayRead(staff, family, await access.RosterStaffIdAsync(staff, ct)))
        {
            return NotFound();
        }
        Family = family;
        return Page();
    }
}
