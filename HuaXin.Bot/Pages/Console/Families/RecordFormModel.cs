using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>A form that records a service for a family (走访, 慰问): shown again with what is wrong when anything is
/// (nothing saved, 400), back to the family's archive with the outcome when saved.</summary>
public abstract class RecordFormModel<TInput>(FamilyAccess access, TimeProvider time) : PageModel where TInput : new()
{
    [BindProperty] public TInput Input { get; set; } = new();
    public string StaffId { get; private set; } = "";
    public string? Error { get; private set; }

    /// <summary>Now, as a datetime-local field wants it.</summary>
    public string Today => TicketCards.Local(time.GetUtcNow()).Replace(' ', 'T');

    public async Task<IActionResult> OnGetAsync(string staffId, CancellationToken ct)
    {
        StaffId = staffId;
        return await access.MayReadAsync(User.ToStaffMember()!, staffId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string staffId, CancellationToken ct)
    {
        StaffId = staffId;
        var outcome = await SaveAsync(staffId, Input, User.ToStaffMember()!, ct);
        if (outcome.Message == RecordOutcome.NoFamily)
        {
            return NotFound();
        }
        if (!outcome.Ok)
        {
            Error = outcome.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Message"] = outcome.Message;
        TempData["MessageOk"] = true;
        return Redirect($"/console/families/{Uri.EscapeDataString(staffId)}");
    }

    protected abstract Task<RecordOutcome> SaveAsync(string staffId, TInput input, StaffMember staff, CancellationToken ct);
}
