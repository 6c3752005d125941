using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.DingTalk.Groups;

/// <summary>Posts a ticket card to the department's DingTalk group through the outbox (so an outage delays it, never loses it).
/// Card buttons whose data carry a "url" render as links (signed 受理/办结 pages); the others as "回复「…」" hints.</summary>
public sealed class DepartmentTicketNotifier(IDepartmentGroupDirectory directory, IOutbox outbox)
{
    /// <summary>Returns false when no group is bound to <paramref name="department"/>; the caller decides how else to alert staff.</summary>
    public async Task<bool> PostTicketAsync(string department, OutboundMessage ticketCard, string idempotencyKey, CancellationToken cancellationToken)
    {
        var group = await directory.FindGroupAsync(department, cancellationToken);
        if (group is null)
        {
            return false;
        }
        var address = DingTalkReplyAddress.Group(group).ToJson();
        await outbox.EnqueueAsync(DingTalkReplyAddress.Channel, address, ticketCard, idempotencyKey, cancellationToken);
        return true;
    }
}
