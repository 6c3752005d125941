using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console.Tickets;

/// <summary>One ticket with its history and the staff actions. Every action goes through TicketService as the signed-in
/// staff member, so the console obeys exactly the rules (and sends exactly the notices) of the chat commands.</summary>
public sealed class DetailModel(TicketBoard board, TicketService tickets, Taxonomy taxonomy) : PageModel
{
    public ServiceRequest Ticket { get; private set; } = null!;
    public StaffMember Staff { get; private set; } = null!;
    [TempData] public string? Message { get; set; }
    [TempData] public bool MessageOk { get; set; }

    /// <summary>Free text as this staff member may see it: full phone numbers only for the department that owns the ticket.</summary>
    public string Shown(string? text) => PhoneMask.Text(text, Staff, Ticket.Department);
    public string CategoryName => taxonomy.Find(Ticket.Category)?.Name ?? Ticket.Category;

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

    public Task<IActionResult> OnPostAcceptAsync(string number, CancellationToken ct) =>
        ActAsync(number, actor => tickets.AcceptAsync(number, actor, ct));

    public Task<IActionResult> OnPostCommentAsync(string number, string? note, CancellationToken ct) =>
        ActAsync(number, actor => tickets.CommentAsync(number, actor, note?.Trim() ?? "", ct));

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
