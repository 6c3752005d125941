using System.Diagnostics;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.Observability;

/// <summary>Outermost layer of the turn pipeline, so every channel's turns are counted and timed in one place.</summary>
public sealed class MeteredTurnHandler(ITurnHandler inner, BotMetrics metrics) : ITurnHandler
{
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var replies = await inner.HandleAsync(turn, cancellationToken);
            metrics.Turn(turn.Channel, "ok", Stopwatch.GetElapsedTime(started));
            return replies;
        }
        catch
        {
            metrics.Turn(turn.Channel, "error", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
