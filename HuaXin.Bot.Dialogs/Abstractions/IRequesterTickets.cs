namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>What a requester may do with their family's tickets from the conversation (implemented by the host over
/// its ticket lifecycle, so every change is recorded and notified as when typed as a command).</summary>
public interface IRequesterTickets
{
    /// <summary>Adds what the requester says to a ticket and tells its department; returns the reply for the requester.</summary>
    Task<string> SupplementAsync(string number, string channel, string userId, string text, CancellationToken cancellationToken);

    /// <summary>Withdraws a ticket of the requester's family; returns the reply for the requester.</summary>
    Task<string> WithdrawAsync(string number, string channel, string userId, CancellationToken cancellationToken);

    /// <summary>The family's most recent resolved ticket still waiting for its rating, if any.</summary>
    Task<RequestSummary?> AwaitingRatingAsync(string channel, string userId, CancellationToken cancellationToken);

    /// <summary>Rates a resolved ticket (a level of 非常满意 … 非常不满意) with the requester's comment; returns the reply.</summary>
    Task<string> RateAsync(string number, string channel, string userId, string rating, string? comment, CancellationToken cancellationToken);
}
