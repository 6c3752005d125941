using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Volunteers;

/// <summary>“星火365”: the volunteer roster, and the services sent out that still wait for their hours.</summary>
public sealed class IndexModel(HuaXin.Bot.Families.Records.Volunteers volunteers, TimeProvider time) : PageModel
{
    [BindProperty] public VolunteerInput Input { get; set; } = new();
    public IReadOnlyList<Volunteer> Roster { get; private set; } = [];
    public IReadOnlyList<(VolunteerAssignment Assignment, Volunteer Volunteer, Worker Family)> Open { get; private set; } = [];
    public string Today => TicketCards.Local(time.GetUtcNow())[..10];
    public string? Error { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageOk { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var outcome = await volunteers.AddAsync(Input, ct);
        return await AfterAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostActiveAsync(long id, bool active, CancellationToken ct) =>
        await AfterAsync(await volunteers.SetActiveAsync(id, active, ct), ct);

    public async Task<IActionResult> OnPostHoursAsync(long id, string? servedOn, string? hours, CancellationToken ct) =>
        await AfterAsync(await volunteers.RecordHoursAsync(id, new HoursInput(servedOn, hours), User.ToStaffMember()!, ct), ct);

    private async Task<IActionResult> AfterAsync(RecordOutcome outcome, CancellationToken ct)
    {
        if (outcome.Ok)
        {
            (Message, MessageOk) = (outcome.Message, true);
            return Redirect("/console/volunteers");
        }
        Error = outcome.Message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Roster = await volunteers.RosterAsync(ct);
        Open = await volunteers.OpenAsync(User.ToStaffMember()!, ct);
    }
}
