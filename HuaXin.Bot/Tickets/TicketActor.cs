namespace HuaXin.Bot.Tickets;

/// <summary>Who asks for a ticket change: a channel identity, resolved to a staff member when there is one.</summary>
public sealed record TicketActor(string Channel, string UserId, string? Name, StaffMember? Staff)
{
    public string Id => $"{Channel}:{UserId}";

    public string DisplayName => Staff?.Name ?? Name ?? UserId;

    /// <summary>The ticket's requester or one of their family (the worker and the members linked to the worker), as the
    /// store found out; only the requester's steps ask.</summary>
    public bool IsRequester { get; init; }
}

/// <summary>The answer to a ticket command: whether it happened, what to tell the person who asked, and the ticket as
/// the change left it (when it happened).</summary>
/// <param name="BadInput">Refused for what was written (empty, too long), not for the ticket's state: nothing to retry as is.</param>
public sealed record TicketOutcome(bool Ok, string Message, HuaXin.Bot.Data.ServiceRequest? Ticket = null, bool BadInput = false);
