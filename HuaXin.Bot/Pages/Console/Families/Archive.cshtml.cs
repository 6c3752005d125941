using HuaXin.Bot.Reports.Archive;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>一户一档: the worker, the family members and every request with its outcome, rating and contacts.</summary>
public sealed class ArchiveModel(ServiceArchive archive) : PageModel
{
    public FamilyArchive Family { get; private set; } = null!;
    public StaffMember Staff { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string staffId, CancellationToken ct)
    {
        Staff = User.ToStaffMember()!;
        var family = await archive.GetAsync(staffId, ct);
        if (family is null || !Staff.MayRead(family))
        {
            return NotFound();
        }
        Family = family;
        return Page();
    }
}
