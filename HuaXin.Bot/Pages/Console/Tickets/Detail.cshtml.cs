using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Tickets;

/// <summary>One ticket with its history and the steps the signed-in staff member may take now (asked of
/// <see cref="HuaXin.Bot.Tickets.Ticket"/>). Every step goes through TicketService as that staff member, so the console obeys exactly
/// the rules (and sends exactly the notices) of the chat commands.</summary>
public sealed class DetailModel(TicketBoard board, TicketService tickets, HuaXin.Bot.Families.Records.Volunteers volunteers, Taxonomy taxonomy) : PageModel
{
    public ServiceRequest Ticket { get; private set; } = null!;
    public StaffMember Staff { get; private set; } = null!;
    public RosterProposal? Proposal { get; private set; }
    public IReadOnlyList<(VolunteerAssignment Assignment, string Volunteer)> Volunteering { get; private set; } = [];
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageOk { get; set; }

    public TicketActor Actor => Staff.ToTicketActor();

    /// <summary>The ticket's rules, for the signed-in staff member's steps.</summary>
    private HuaXin.Bot.Tickets.Ticket Rules => new(Ticket);

    public bool May(TicketStep step) => Rules.Allows(step, Actor);

    /// <summary>Why a co-handler cannot resolve the open ticket (shown in place of the form); null for everyone else.</summary>
    public string? CoHandlerCannotResolve =>
        Rules.RoleOf(Staff) == CaseRole.CoHandler && HuaXin.Bot.Tickets.Ticket.IsOpen(Ticket.Status) ? Rules.Refusal(TicketStep.Resolve, Actor) : null;

    /// <summary>Full phone numbers (and tap-to-call) only for the departments working the ticket.</summary>
    public bool ShowsFullPhone => Rules.MayCall(Staff.Department);

    public string Shown(string? text) => Rules.Shown(text, Staff.Department);
    public string CategoryName => taxonomy.Find(Ticket.Category)?.Name ?? Ticket.Category;

    /// <summary>Departments that could still be asked to co-handle.</summary>
    public IEnumerable<string> CoHandlerChoices => Departments.All.Where(d => d != Ticket.Department && Ticket.CoHandlers.All(h => h.Department != d));

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Staff = User.ToStaffMember()!;
        var ticket = await board.FindAsync(Staff, number.ToUpperInvariant(), ct);
        if (ticket is null)
        {
            return NotFound();
        }
        Ticket = ticket;
        Proposal = May(TicketStep.LinkRequester) ? await tickets.RosterProposalAsync(ticket, ct) : null;
        Volunteering = await volunteers.ForTicketAsync(ticket.Number, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(string number, CancellationToken ct) =>
        ActAsync(number, actor => tickets.AcceptAsync(number, actor, ct));

    public Task<IActionResult> OnPostCommentAsync(string number, string? note, CancellationToken ct) =>
        ActAsync(number, actor => tickets.CommentAsync(number, actor, note?.Trim() ?? "", ct));

    public Task<IActionResult> OnPostNoteAsync(string number, string? note, CancellationToken ct) =>
        ActAsync(number, actor => tickets.NoteInternallyAsync(number, actor, note?.Trim() ?? "", ct));

    public Task<IActionResult> OnPostAddCoHandlerAsync(string number, string? department, CancellationToken ct) =>
        ActAsync(number, actor => tickets.AddCoHandlerAsync(number, actor, department?.Trim() ?? "", ct));

    public Task<IActionResult> OnPostRemoveCoHandlerAsync(string number, string? department, CancellationToken ct) =>
        ActAsync(number, actor => tickets.RemoveCoHandlerAsync(number, actor, department?.Trim() ?? "", ct));

    public Task<IActionResult> OnPostLinkFamilyAsync(string number, long workerId, long? memberId, CancellationToken ct) =>
        ActAsync(number, actor => tickets.LinkRequesterAsync(number, actor, workerId, memberId, ct));

    public Task<IActionResult> OnPostTransferAsync(string number, string? department, string? reason, CancellationToken ct) =>
        ActAsync(number, actor => tickets.TransferAsync(number, actor, department ?? "", reason?.Trim() ?? "", ct));

    public Task<IActionResult> OnPostReturnAsync(string number, string? reason, CancellationToken ct) =>
        ActAsync(number, actor => tickets.ReturnAsync(number, actor, reason?.Trim() ?? "", ct));

    public Task<IActionResult> OnPostResolveAsync(string number, string? result, CancellationToken ct) =>
        ActAsync(number, actor => tickets.ResolveAsync(number, actor, result?.Trim() ?? "", ct));

    private async Task<IActionResult> ActAsync(string number, Func<TicketActor, Task<TicketOutcome>> action)
    {
        var staff = User.ToStaffMember()!;
        number = number.ToUpperInvariant();
        // Same answer as for a missing ticket; TicketService refuses other departments on its own as well.
        if (await board.FindAsync(staff, number, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }
        var outcome = await action(staff.ToTicketActor());
        (Message, MessageOk) = (outcome.Message, outcome.Ok);
        if (outcome.BadInput)
        {
            // What was written cannot be taken: the page again, with the reason, and nothing changed.
            (Staff, Ticket) = (staff, (await board.FindAsync(staff, number, HttpContext.RequestAborted))!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // After a transfer the ticket may have left the department: go back to the board then.
        return await board.FindAsync(staff, number, HttpContext.RequestAborted) is null
            ? Redirect("/console/tickets")
            : Redirect($"/console/tickets/{number}");
    }
}
