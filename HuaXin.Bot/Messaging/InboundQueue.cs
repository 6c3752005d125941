using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Messaging;

public sealed class InboundQueue(IDbContextFactory<HuaXinDbContext> dbFactory, TimeProvider time, WorkSignal<InboundWork> signal) : IInboundQueue
{
    public async Task<bool> AcceptAsync(string messageKey, InboundTurn turn, string replyAddress, CancellationToken cancellationToken)
    {
        messageKey = StorageKey.Fit(messageKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.InboundMessages.AnyAsync(m => m.Key == messageKey, cancellationToken))
        {
            return false;
        }
        var now = time.GetUtcNow();
        db.InboundMessages.Add(new InboundMessage
        {
            Key = messageKey,
            Channel = turn.Channel,
            TurnJson = JsonSerializer.Serialize(turn, MessagingJson.Options),
            ReplyAddress = replyAddress,
            Status = WorkStatus.Pending,
            ReceivedAt = now,
            NextAttemptAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false; // the same message arrived twice at once
        }
        signal.Notify();
        return true;
    }
}
