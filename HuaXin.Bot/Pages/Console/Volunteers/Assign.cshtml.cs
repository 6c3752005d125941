using HuaXin.Bot.Families.Records;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Volunteers;

/// <summary>派志愿者: a volunteer from the roster to a family, for one of its tickets or visits or on its own.</summary>
public sealed class AssignModel(HuaXin.Bot.Families.Records.Volunteers volunteers, HuaXin.Bot.Families.FamilyAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Family { get; set; }
    [BindProperty(SupportsGet = true)] public string? Ticket { get; set; }
    [BindProperty(SupportsGet = true)] public string? Visit { get; set; }
    [BindProperty] public AssignmentInput Input { get; set; } = new();
    public IReadOnlyList<Volunteer> Roster { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await access.MayReadAsync(User.ToStaffMember()!, Family, ct))
        {
            return NotFound();
        }
        Roster = await volunteers.RosterAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await volunteers.AssignAsync(Family ?? "", Input, User.ToStaffMember()!, ct);
        if (!outcome.Ok)
        {
            Error = outcome.Message;
            Response.StatusCode = outcome.Message == RecordOutcome.NoFamily ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            Roster = await volunteers.RosterAsync(ct);
            return Page();
        }
        TempData["Message"] = outcome.Message;
        TempData["MessageOk"] = true;
        return Redirect($"/console/families/{Uri.EscapeDataString(Family!)}");
    }
}
