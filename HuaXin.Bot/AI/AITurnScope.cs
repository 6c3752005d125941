using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.AI;

/// <summary>Wraps the turn pipeline so every model call of one turn draws on one <see cref="AITurnBudget"/>.</summary>
public sealed class AITurnScope(ITurnHandler inner, IOptions<AIOptions> options, TimeProvider time) : ITurnHandler
{
    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        using var budget = AITurnBudget.Enter(time, options.Value.TurnDeadline);
        return await inner.HandleAsync(turn, cancellationToken);
    }
}
