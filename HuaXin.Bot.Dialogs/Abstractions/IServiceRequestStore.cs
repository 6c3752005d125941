namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>Where confirmed service requests are saved (implemented by the host over EF Core).</summary>
public interface IServiceRequestStore
{
    Task<CreatedRequest> CreateAsync(NewServiceRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<RequestSummary>> ListByRequesterAsync(string channel, string userId, CancellationToken cancellationToken);
}

/// <param name="RequestKey">When set, creating the same key again returns the first request instead of a new one.</param>
public sealed record NewServiceRequest(
    string Category,
    string Department,
    string Channel,
    string UserId,
    string? UserName,
    IReadOnlyDictionary<string, string> Slots,
    string OriginalText,
    bool Urgent,
    TimeSpan FirstContactWithin,
    string? RequestKey = null);

public sealed record CreatedRequest(string Number, DateTimeOffset PromisedContactBy);

public sealed record RequestSummary(string Number, string Category, string Department, string Status, DateTimeOffset CreatedAt);
