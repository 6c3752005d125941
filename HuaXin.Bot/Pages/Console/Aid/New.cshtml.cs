using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.StaffConsole;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Aid;

/// <summary>登记帮扶救助申请 (困难职工备案) for a family; bad input is shown and nothing is saved.</summary>
public sealed class NewModel(AidCases cases, FamilyAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Family { get; set; }
    [BindProperty] public AidInput Input { get; set; } = new();
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await access.MayReadAsync(User.ToStaffMember()!, Family, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await cases.OpenAsync(Family ?? "", Input, User.ToStaffMember()!, ct);
        if (!outcome.Ok)
        {
            Error = outcome.Message;
            Response.StatusCode = outcome.Message == RecordOutcome.NoFamily ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = outcome.Message;
        TempData["MessageOk"] = true;
        return Redirect($"/console/aid/{outcome.Key}");
    }
}
