using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Tests.Support;

public sealed class InMemoryServiceRequestStore(TimeProvider time) : IServiceRequestStore
{
    private readonly List<(NewServiceRequest Request, CreatedRequest Created, DateTimeOffset At)> _items = [];

    public IReadOnlyList<NewServiceRequest> Created
    {
        get { lock (_items) return _items.Select(i => i.Request).ToList(); }
    }

    public Task<CreatedRequest> CreateAsync(NewServiceRequest request, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            if (request.RequestKey is not null && _items.FirstOrDefault(i => i.Request.RequestKey == request.RequestKey) is { Request: not null } first)
            {
                return Task.FromResult(first.Created);
            }
            var now = time.GetUtcNow();
            var created = new CreatedRequest($"HX{_items.Count + 1:0000}", now + request.FirstContactWithin);
            _items.Add((request, created, now));
            return Task.FromResult(created);
        }
    }

    public Task<IReadOnlyList<RequestSummary>> ListByRequesterAsync(string channel, string userId, CancellationToken cancellationToken)
    {
        lock (_items)
        {
            IReadOnlyList<RequestSummary> mine = _items
                .Where(i => i.Request.Channel == channel && i.Request.UserId == userId)
                .Select(i => new RequestSummary(i.Created.Number, i.Request.Category, i.Request.Department, "待受理", i.At, true, i.Created.PromisedContactBy))
                .ToList();
            return Task.FromResult(mine);
        }
    }
}
