using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Tests.Support;

/// <summary>Records what the conversation asked of the ticket lifecycle; one resolved ticket may await a rating.</summary>
public sealed class FakeRequesterTickets : IRequesterTickets, IRequesterProfiles
{
    public List<(string Number, string Text)> Supplements { get; } = [];
    public List<(string Number, string Rating, string? Comment)> Ratings { get; } = [];
    public RequestSummary? AwaitingRating { get; set; }
    public RequesterProfile? Profile { get; set; }

    public Task<string> SupplementAsync(string number, string channel, string userId, string text, CancellationToken cancellationToken)
    {
        Supplements.Add((number, text));
        return Task.FromResult("已补充。");
    }

    public List<string> Withdrawals { get; } = [];

    public Task<string> WithdrawAsync(string number, string channel, string userId, CancellationToken cancellationToken)
    {
        Withdrawals.Add(number);
        return Task.FromResult($"诉求 {number} 已撤回。");
    }

    public Task<RequestSummary?> AwaitingRatingAsync(string channel, string userId, CancellationToken cancellationToken) => Task.FromResult(AwaitingRating);

    public Task<string> RateAsync(string number, string channel, string userId, string rating, string? comment, CancellationToken cancellationToken)
    {
        Ratings.Add((number, rating, comment));
        AwaitingRating = null;
        return Task.FromResult("感谢您的评价！");
    }

    public Task<RequesterProfile?> FindAsync(string channel, string userId, CancellationToken cancellationToken) => Task.FromResult(Profile);
}
