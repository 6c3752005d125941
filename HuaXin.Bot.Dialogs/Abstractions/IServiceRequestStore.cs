namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>Where confirmed service requests are saved (implemented by the host over EF Core).</summary>
public interface IServiceRequestStore
{
    Task<CreatedRequest> CreateAsync(NewServiceRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<RequestSummary>> ListByRequesterAsync(string channel, string userId, CancellationToken cancellationToken);
}

/// <param name="RequestKey">When set, creating the same key again returns the first request instead of a new one.</param>
/// <param name="RequesterName">Who asked, when the dialog learned it; otherwise the roster's name for the requester.</param>
/// <param name="RequesterRelation">The requester's relation to the worker (本人, 母亲, 配偶 …), when the dialog learned it.</param>
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
    string? RequestKey = null,
    string? RequesterName = null,
    string? RequesterRelation = null);

public sealed record CreatedRequest(string Number, DateTimeOffset PromisedContactBy);

/// <param name="Open">Still with the group: the requester may add to it or withdraw it.</param>
/// <param name="ContactBy">While nobody has taken it up yet (待受理): when the department promised to call.</param>
public sealed record RequestSummary(string Number, string Category, string Department, string Status, DateTimeOffset CreatedAt, bool Open,
    DateTimeOffset? ContactBy = null);
