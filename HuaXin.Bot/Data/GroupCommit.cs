using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Data;

/// <summary>One writer for the turn path: the writes of concurrent turns are executed in one transaction and made
/// durable by one commit, instead of each turn committing (and on SQLite, queueing for the single write lock) alone.</summary>
/// <remarks>The writes of a batch run one after another in one transaction, without savepoints (each would cost two
/// more statements per write, two more round trips on PostgreSQL). When one declines (returns false) or throws, or the
/// shared commit fails (PostgreSQL deadlock between instances, a lost connection), the whole batch is rolled back and
/// every write runs again alone in its own transaction, so only its own caller is told of its decline or error. A
/// caller's task completes after the commit, so what it was told is durable; for a batch in which no write is
/// <c>durable</c> (the caller holds the reply and retries with the same id), durable against a killed process but not
/// a power cut: the commit does not wait for the log to reach the disk, and the next durable commit syncs it.</remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a burst cannot hold the write lock for long.</summary>
    private const int MaxBatch = 128;

    private readonly IDbContextFactory<HuaXinDbContext> _dbFactory;
    private readonly ILogger<GroupCommit> _logger;
    private readonly SqliteSynchronous _sqliteSynchronous;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommit(IDbContextFactory<HuaXinDbContext> dbFactory, IOptions<DatabaseOptions> database, ILogger<GroupCommit> logger)
    {
        _dbFactory = dbFactory;
        _logger = logger;
        _sqliteSynchronous = database.Value.SqliteSynchronous;
        // The loop must not carry the first caller's async-local context (a turn's scope, a request's trace) around.
        using (ExecutionContext.SuppressFlow())
        {
            _writer = Task.Run(WriteLoopAsync);
        }
    }

    /// <summary>Runs <paramref name="write"/> in the next shared transaction. True when its changes are committed;
    /// false when it declined (a precondition such as a version or a lease no longer held), and nothing of it is kept.</summary>
    /// <param name="write">Changes the database through the given context (tracked entities are saved after it returns
    /// true). It may run twice (see remarks), so it must read what it depends on inside, not before.</param>
    /// <param name="durable">False when losing this write to a power cut costs nothing acknowledged: the caller holds
    /// what it was told and would retry with the same id. Such writes alone commit without waiting for the disk.</param>
    public Task<bool> WriteAsync(Func<HuaXinDbContext, CancellationToken, Task<bool>> write, CancellationToken cancellationToken, bool durable = true)
    {
        var pending = new PendingWrite(write, durable, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommit));
        }
        return pending.Done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Done.TrySetCanceled(next.CancellationToken);
                    continue;
                }
                batch.Add(next);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            if (batch.Count == 1 || !await TryCommitAllAsync(batch))
            {
                foreach (var one in batch)
                {
                    await CommitAloneAsync(one);
                }
            }
            batch.Clear();
        }
    }

    /// <summary>The usual case: every write of the batch keeps its changes, in one transaction and one commit. False,
    /// with nothing kept and no caller told, when one declined or failed (or the commit did); then each runs alone.</summary>
    private async Task<bool> TryCommitAllAsync(List<PendingWrite> batch)
    {
        // The writes run to their end once started: a half-applied batch is what the transaction is there to prevent.
        var ct = CancellationToken.None;
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await BeginAsync(db, batch.Exists(p => p.Durable), ct);
            foreach (var pending in batch)
            {
                if (!await pending.Write(db, ct))
                {
                    return false; // disposing the transaction rolls the batch back
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(ct);
        }
        catch (Exception e)
        {
            _logger.LogDebug(e, "A shared commit of {Count} writes failed; committing each alone", batch.Count);
            return false;
        }
        foreach (var pending in batch)
        {
            pending.Done.TrySetResult(true);
        }
        return true;
    }

    /// <summary>One write in its own transaction; its caller is told only after the commit, or of the decline or error.</summary>
    private async Task CommitAloneAsync(PendingWrite pending)
    {
        var ct = CancellationToken.None;
        try
        {
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await BeginAsync(db, pending.Durable, ct);
            var keep = await pending.Write(db, ct);
            if (keep)
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            pending.Done.TrySetResult(keep);
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    /// <summary>Begins a batch's transaction; one that needs not survive a power cut commits without a sync of the log
    /// (SQLite's NORMAL in WAL mode, PostgreSQL's asynchronous commit), which is most of a commit's wait.</summary>
    private async Task<IDbContextTransaction> BeginAsync(HuaXinDbContext db, bool durable, CancellationToken ct)
    {
        if (durable)
        {
            return await db.Database.BeginTransactionAsync(ct);
        }
        if (db.Database.IsSqlite() && _sqliteSynchronous == SqliteSynchronous.Full)
        {
            // SQLite refuses to change the level inside a transaction. The connection is closed with the context, and
            // gets the configured level back when it is next opened (SqliteSettings).
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL", ct);
        }
        var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL synchronous_commit = off", ct);
        }
        return transaction;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record PendingWrite(Func<HuaXinDbContext, CancellationToken, Task<bool>> Write, bool Durable, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

}
