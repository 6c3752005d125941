namespace HuaXin.Bot.Tickets;

/// <summary>Who asks for a ticket change: a channel identity, resolved to a staff member when there is one.</summary>
public sealed record TicketActor(string Channel, string UserId, string? Name, StaffMember? Staff)
{
    public string Id => $"{Channel}:{UserId}";

    public string DisplayName => Staff?.Name ?? Name ?? UserId;
}

/// <summary>The answer to a ticket command: whether it happened and what to tell the person who asked.</summary>
public sealed record TicketOutcome(bool Ok, string Message);
