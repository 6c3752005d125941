using HuaXin.Bot.Families;
using HuaXin.Bot.People;

namespace HuaXin.Bot.Reports.Metrics;

/// <summary>Finds the family (worker) a chat identity belongs to, over workers and links loaded once for a report: the
/// worker's <see cref="FamilyIdentities.RosterIdentities"/>, and on any channel a FamilyLink made with a binding code.</summary>
public sealed class FamilyResolver
{
    private readonly Dictionary<(string Channel, string UserId), Worker> _byIdentity = [];
    // UnansweredQuestion keeps only the asker's user id, not the channel.
    private readonly Dictionary<string, Worker> _byUserId = [];

    public FamilyResolver(IEnumerable<Worker> workers, IEnumerable<FamilyLink> links)
    {
        var byId = new Dictionary<long, Worker>();
        foreach (var worker in workers)
        {
            byId[worker.Id] = worker;
            foreach (var (channel, userId) in FamilyIdentities.RosterIdentities(worker))
            {
                Add(channel, userId, worker);
            }
        }
        foreach (var link in links)
        {
            if (byId.TryGetValue(link.WorkerId, out var worker))
            {
                Add(link.Channel, link.UserId, worker);
            }
        }
    }

    public Worker? Find(string channel, string userId) => _byIdentity.GetValueOrDefault((channel, userId));

    public Worker? FindByUserId(string userId) => _byUserId.GetValueOrDefault(userId);

    private void Add(string channel, string userId, Worker worker)
    {
        // A DingTalk id set explicitly wins over a 工号 that happens to look the same.
        _byIdentity[(channel, userId)] = worker;
        _byUserId.TryAdd(userId, worker);
    }
}
