using HuaXin.Bot.Data;

namespace HuaXin.Bot.Tickets;

/// <summary>Who did a step of a ticket, as people read it: a name (with the department for staff), never a channel id.</summary>
public static class HistoryActors
{
    public static string Name(ServiceRequestHistory h, ServiceRequest ticket) => h switch
    {
        { ActorName: { } name, ActorDepartment: { } department } => $"{name}（{department}）",
        { ActorName: { } name } => name,
        // Entries written before names were kept: the requester by the ticket's name for them, the monitors as such.
        _ when h.Actor == $"{ticket.Channel}:{ticket.UserId}" => ticket.RequesterName ?? ticket.UserName ?? "申请人",
        _ when h.Actor.StartsWith("system:", StringComparison.Ordinal) => "系统",
        _ => "工作人员",
    };
}
