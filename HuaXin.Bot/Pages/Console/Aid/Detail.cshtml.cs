using HuaXin.Bot.Core;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Aid;

/// <summary>One aid case: its steps (who did what), payments, co-handlers, and the steps the signed-in staff member may
/// take now (asked of <see cref="AidRules"/>).</summary>
public sealed class DetailModel(AidCases cases, TimeProvider time) : PageModel
{
    public AidCase Case { get; private set; } = null!;
    public Worker Family { get; private set; } = null!;
    public StaffMember Staff { get; private set; } = null!;
    public string Today => TicketCards.Local(time.GetUtcNow())[..10];
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageOk { get; set; }

    public IEnumerable<string> CoHandlerChoices => Departments.All.Where(d => d != Case.Department && Case.CoHandlers.All(h => h.Department != d));

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Staff = User.ToStaffMember()!;
        if (await cases.FindAsync(number, Staff, ct) is not { } found)
        {
            return NotFound();
        }
        (Case, Family) = found;
        return Page();
    }

    public Task<IActionResult> OnPostCheckAsync(string number, bool passed, string? note, CancellationToken ct) =>
        StepAsync(number, staff => cases.CheckAsync(number, staff, passed, note, ct), ct);

    public Task<IActionResult> OnPostDecideAsync(string number, bool approved, string? amount, string? note, CancellationToken ct) =>
        StepAsync(number, staff => cases.DecideAsync(number, staff, approved, amount, note, ct), ct);

    public Task<IActionResult> OnPostPayAsync(string number, string? amount, string? paidOn, string? note, CancellationToken ct) =>
        StepAsync(number, staff => cases.PayAsync(number, staff, amount, paidOn, note, ct), ct);

    public Task<IActionResult> OnPostCloseAsync(string number, string? note, CancellationToken ct) =>
        StepAsync(number, staff => cases.CloseAsync(number, staff, note, ct), ct);

    public Task<IActionResult> OnPostNoteAsync(string number, string? note, CancellationToken ct) =>
        StepAsync(number, staff => cases.NoteAsync(number, staff, note, ct), ct);

    public Task<IActionResult> OnPostAddCoHandlerAsync(string number, string? department, CancellationToken ct) =>
        StepAsync(number, staff => cases.AddCoHandlerAsync(number, staff, department, ct), ct);

    public Task<IActionResult> OnPostRemoveCoHandlerAsync(string number, string? department, CancellationToken ct) =>
        StepAsync(number, staff => cases.RemoveCoHandlerAsync(number, staff, department, ct), ct);

    private async Task<IActionResult> StepAsync(string number, Func<StaffMember, Task<RecordOutcome>> step, CancellationToken ct)
    {
        var staff = User.ToStaffMember()!;
        if (await cases.FindAsync(number, staff, ct) is null)
        {
            return NotFound();
        }
        var outcome = await step(staff);
        (Message, MessageOk) = (outcome.Message, outcome.Ok);
        return Redirect($"/console/aid/{Uri.EscapeDataString(number.Trim().ToUpperInvariant())}");
    }
}
