using HuaXin.Bot.Data;

namespace HuaXin.Bot.Messaging;

/// <summary>The writes of one turn that a channel commits together with its own (the Direct Line activities, the
/// inbound item's completion), so a turn is either wholly stored or not at all: a crash or a lost lease in between
/// leaves nothing half done, and a retry simply runs the turn again.</summary>
/// <remarks>Opened by the channel around the turn handler; stores that take part (the conversation state) find it in
/// <see cref="Current"/> and add their write here instead of committing it themselves.</remarks>
public sealed class TurnWrites : IDisposable
{
    private static readonly AsyncLocal<TurnWrites?> Ambient = new();
    private readonly TurnWrites? _outer;
    private readonly List<Func<HuaXinDbContext, CancellationToken, Task<bool>>> _writes = [];
    private readonly List<Action<bool>> _completions = [];

    private TurnWrites(TurnWrites? outer) => _outer = outer;

    /// <summary>The scope of the turn running on this async flow, if a channel opened one.</summary>
    public static TurnWrites? Current => Ambient.Value;

    /// <summary>Set when a deferred write found its precondition gone (the state moved on): run the turn again.</summary>
    public bool Conflict { get; internal set; }

    public static TurnWrites Begin()
    {
        var scope = new TurnWrites(Ambient.Value);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>Adds a write to run inside the channel's commit; <paramref name="completed"/> is told whether it was kept.</summary>
    public void Add(Func<HuaXinDbContext, CancellationToken, Task<bool>> write, Action<bool> completed)
    {
        _writes.Add(write);
        _completions.Add(completed);
    }

    /// <summary>Runs the deferred writes inside the channel's write; false when one declined.</summary>
    public async Task<bool> WriteAsync(HuaXinDbContext db, CancellationToken cancellationToken)
    {
        foreach (var write in _writes)
        {
            if (!await write(db, cancellationToken))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Tells the stores the outcome of the channel's commit, so their caches follow the database.</summary>
    public void Completed(bool kept)
    {
        foreach (var completed in _completions)
        {
            completed(kept);
        }
    }

    public void Dispose() => Ambient.Value = _outer;
}
