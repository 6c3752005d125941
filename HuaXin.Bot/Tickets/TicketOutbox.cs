using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.Tickets;

/// <summary>The one writer of a ticket's notices: queues them in the outbox within the change's DbContext, so they
/// are sent if and only if the change is saved.</summary>
public sealed class TicketOutbox(DepartmentDestinations destinations, TimeProvider time)
{
    /// <summary>Queues the change's notices: the requester's to where they were last reachable (none when never), a
    /// department's to each of its chats. Returns how many were queued; a notice already queued under its key is not
    /// queued again.</summary>
    public async Task<int> AddAsync(HuaXinDbContext db, Ticket ticket, CancellationToken ct)
    {
        var queued = 0;
        for (var n = 0; n < ticket.Notices.Count; n++)
        {
            var notice = ticket.Notices[n];
            if (notice.Department is null)
            {
                var t = ticket.Data;
                if (await ConversationReferences.FindAsync(db, t.Channel, t.UserId, ct) is { } address
                    && await Outbox.AddAsync(db, t.Channel, address, notice.Message, Key(ticket, n, "requester"), time, ct))
                {
                    queued++;
                }
                continue;
            }
            var targets = await destinations.GetAsync(notice.Department, ct);
            for (var i = 0; i < targets.Count; i++)
            {
                if (await Outbox.AddAsync(db, targets[i].Channel, targets[i].Address, notice.Message, Key(ticket, n, notice.Department, i), time, ct))
                {
                    queued++;
                }
            }
        }
        return queued;
    }

    // Unique per ticket change and notice, so a retried change never queues the same notice twice.
    private static string Key(Ticket ticket, params ReadOnlySpan<object> target) =>
        OutboxKey.Of(["ticket", ticket.Number, ticket.ChangeKey, .. target]);
}
