using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Tickets;

/// <summary>A chat where a department receives its tickets: a channel and that channel's address (JSON).</summary>
public sealed record Destination(string Channel, string Address);

/// <summary>A source of department chats besides configuration, e.g. DingTalk groups bound with 绑定部门.</summary>
public interface IDepartmentDestinationSource
{
    Task<IReadOnlyList<Destination>> GetAsync(string department, CancellationToken cancellationToken);
}

/// <summary>Settings under "Departments": each department's chats (Teams channels etc.) by name.</summary>
public sealed class DepartmentOptions
{
    public const string Section = "Departments";

    public Dictionary<string, List<Destination>> Destinations { get; set; } = [];
}

/// <summary>Every chat destination of a department: configured ones plus those bound at run time.
/// A department with none is served from the web console only.</summary>
public sealed class DepartmentDestinations(IOptionsMonitor<DepartmentOptions> options, IEnumerable<IDepartmentDestinationSource> sources)
{
    public async Task<IReadOnlyList<Destination>> GetAsync(string department, CancellationToken cancellationToken)
    {
        var result = new List<Destination>();
        if (options.CurrentValue.Destinations.TryGetValue(department, out var configured))
        {
            result.AddRange(configured);
        }
        foreach (var source in sources)
        {
            result.AddRange(await source.GetAsync(department, cancellationToken));
        }
        return result.Distinct().ToList();
    }
}
