namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>The conversation brain as channels see it: one turn in, the replies for that turn out.</summary>
public interface ITurnHandler
{
    Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken);
}
