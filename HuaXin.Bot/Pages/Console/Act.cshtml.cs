using HuaXin.Bot.Data;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HuaXin.Bot.Pages.Console;

/// <summary>Where a 受理/办结 link button of a DingTalk ticket card lands. The link names the ticket and the action; the
/// signed-in staff member is who acts, through TicketService, under the same rules and with the same notices as chat.
/// Opening the link only shows the ticket: the change needs a tap on the page (a POST with an antiforgery token), so
/// link previews and prefetchers cannot act on a ticket.</summary>
public sealed class ActModel(ActionLinks links, TicketBoard board, TicketService tickets) : PageModel
{
    public ActionLink? Link { get; private set; }
    public ServiceRequest? Ticket { get; private set; }
    /// <summary>Why the link cannot be used; null when the form is shown.</summary>
    public string? Refusal { get; private set; }
    public TicketOutcome? Outcome { get; private set; }

    /// <summary>Free text as the signed-in staff member may see it (full phone numbers only for the departments working the ticket).</summary>
    public string Shown(string? text) => new HuaXin.Bot.Tickets.Ticket(Ticket!).Shown(text, User.ToStaffMember()!.Department);

    /// <summary>Why the ticket's rules refuse the link's action now (state, or a co-handler holding a 办结 link); null when they allow it.</summary>
    public string? NotNow => Ticket is null || Link is null ? null
        : new HuaXin.Bot.Tickets.Ticket(Ticket).Refusal(Link.Action == TicketLinkAction.Accept ? TicketStep.Accept : TicketStep.Resolve, User.ToStaffMember()!.ToTicketActor());

    /// <summary>The signed-in staff member's part in the ticket.</summary>
    public CaseRole Role => new HuaXin.Bot.Tickets.Ticket(Ticket!).RoleOf(User.ToStaffMember());

    /// <summary>The form is shown only while the ticket's rules allow the action.</summary>
    public bool CanAct => Refusal is null && Outcome is null && Ticket is not null && Link is not null && NotNow is null;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        await LoadAsync(token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? result, CancellationToken ct)
    {
        if (!await LoadAsync(token, ct))
        {
            return Page();
        }
        var actor = User.ToStaffMember()!.ToTicketActor();
        Outcome = Link!.Action == TicketLinkAction.Accept
            ? await tickets.AcceptAsync(Link.Number, actor, ct)
            : await tickets.ResolveAsync(Link.Number, actor, result?.Trim() ?? "", ct);
        if (!Outcome.Ok)
        {
            Response.StatusCode = Outcome.BadInput ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        }
        Ticket = await board.FindAsync(User.ToStaffMember()!, Link.Number, ct) ?? Ticket;
        return Page();
    }

    /// <summary>Reads the link and the ticket; false (with <see cref="Refusal"/> and the status code set) when this
    /// staff member cannot use it.</summary>
    private async Task<bool> LoadAsync(string token, CancellationToken ct)
    {
        var staff = User.ToStaffMember()!;
        var (state, link) = links.Read(token);
        Link = link;
        if (state != ActionLinkState.Valid)
        {
            return Refuse(state == ActionLinkState.Expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest, state == ActionLinkState.Expired
                ? $"这个{link!.Verb}链接已于 {TicketCards.Local(link.ExpiresAt)} 过期。请在工单列表里办理，或在部门群里 @机器人 发送「{link.Verb} {link.Number}」。"
                : "链接无效：可能不完整或被改动过。请从钉钉群里的工单卡片重新打开。");
        }
        Ticket = await board.FindAsync(staff, link!.Number, ct);
        if (Ticket is null)
        {
            return await board.DepartmentOfAsync(link.Number, ct) is { } department
                ? Refuse(StatusCodes.Status403Forbidden, HuaXin.Bot.Tickets.Ticket.OtherDepartment(link.Number, department, staff))
                : Refuse(StatusCodes.Status404NotFound, $"没有找到工单 {link.Number}。");
        }
        return true;
    }

    private bool Refuse(int status, string why)
    {
        Refusal = why;
        Response.StatusCode = status;
        return false;
    }
}
