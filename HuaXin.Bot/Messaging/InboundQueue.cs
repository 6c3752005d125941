using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Messaging;

/// <summary>Stores accepted turns through <see cref="GroupCommit"/>: the channel's acknowledgement waits for the
/// commit, and concurrent channels' messages share it.</summary>
public sealed class InboundQueue(GroupCommit groupCommit, TimeProvider time, WorkSignal<InboundWork> signal) : IInboundQueue
{
    public async Task<bool> AcceptAsync(string messageKey, InboundTurn turn, string replyAddress, CancellationToken cancellationToken)
    {
        messageKey = StorageKey.Fit(messageKey);
        var turnJson = JsonSerializer.Serialize(turn, MessagingJson.Options);
        bool stored;
        try
        {
            stored = await groupCommit.WriteAsync(async (db, ct) =>
            {
                if (await db.InboundMessages.AnyAsync(m => m.Key == messageKey, ct))
                {
                    return false; // a redelivery
                }
                var now = time.GetUtcNow();
                db.InboundMessages.Add(new InboundMessage
                {
                    Key = messageKey,
                    Channel = turn.Channel,
                    TurnJson = turnJson,
                    ReplyAddress = replyAddress,
                    Status = WorkStatus.Pending,
                    ReceivedAt = now,
                    NextAttemptAt = now,
                });
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return false; // the same message arrived at another instance at the same moment
        }
        if (stored)
        {
            signal.Notify();
        }
        return stored;
    }
}
