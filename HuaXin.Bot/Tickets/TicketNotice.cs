using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Tickets;

/// <summary>A message a ticket's change sends: to the requester (where they were last reachable) when
/// <see cref="Department"/> is null, else to every chat of that department. <see cref="TicketOutbox"/> queues it.</summary>
public sealed record TicketNotice(string? Department, OutboundMessage Message)
{
    public static TicketNotice ToRequester(OutboundMessage message) => new(null, message);

    public static TicketNotice ToRequester(string text) => new(null, TicketCards.Notice(text));

    public static TicketNotice To(string department, OutboundMessage message) => new(department, message);

    public static TicketNotice To(string department, string text) => new(department, TicketCards.Notice(text));
}
