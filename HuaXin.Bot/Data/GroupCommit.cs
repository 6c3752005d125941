using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Data;

/// <summary>One writer for the turn path: the writes of concurrent turns are executed in one transaction and made
/// durable by one commit, instead of each turn committing (and on SQLite, queueing for the single write lock) alone.</summary>
/// <remarks>Each write runs inside its own savepoint: when it declines (returns false) or throws, only its own changes
/// are rolled back and only its caller is told. A caller's task completes after the commit, so what it was told is
/// durable. If the shared commit itself fails (PostgreSQL deadlock between instances, a lost connection), every write
/// of the batch is retried alone in its own transaction.</remarks>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>Bounds one transaction, so a burst cannot hold the write lock for long.</summary>
    private const int MaxBatch = 128;

    private readonly IDbContextFactory<HuaXinDbContext> _dbFactory;
    private readonly ILogger<GroupCommit> _logger;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommit(IDbContextFactory<HuaXinDbContext> dbFactory, ILogger<GroupCommit> logger)
    {
        _dbFactory = dbFactory;
        _logger = logger;
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
    public Task<bool> WriteAsync(Func<HuaXinDbContext, CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        var pending = new PendingWrite(write, cancellationToken);
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
            try
            {
                await CommitAsync(batch);
            }
            catch (Exception e)
            {
                if (batch.Count > 1)
                {
                    _logger.LogWarning(e, "A shared commit of {Count} writes failed; committing each alone", batch.Count);
                }
                foreach (var one in batch)
                {
                    try
                    {
                        await CommitAsync([one]);
                    }
                    catch (Exception alone)
                    {
                        one.Done.TrySetException(alone);
                    }
                }
            }
            batch.Clear();
        }
    }

    /// <summary>One transaction for <paramref name="batch"/>; the callers are told only after the commit.</summary>
    private async Task CommitAsync(List<PendingWrite> batch)
    {
        // The writes run to their end once started: a half-applied batch is what the savepoints are there to prevent.
        var ct = CancellationToken.None;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var outcomes = new Outcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            await transaction.CreateSavepointAsync("w", ct);
            try
            {
                var keep = await batch[i].Write(db, ct);
                if (keep)
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.ReleaseSavepointAsync("w", ct);
                }
                else
                {
                    await UndoAsync(transaction, ct);
                }
                outcomes[i] = new Outcome(keep, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await UndoAsync(transaction, ct);
                outcomes[i] = new Outcome(false, e);
            }
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
            {
                batch[i].Done.TrySetException(error);
            }
            else
            {
                batch[i].Done.TrySetResult(outcomes[i].Kept);
            }
        }
    }

    private static async Task UndoAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        await transaction.RollbackToSavepointAsync("w", ct);
        await transaction.ReleaseSavepointAsync("w", ct);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record PendingWrite(Func<HuaXinDbContext, CancellationToken, Task<bool>> Write, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly record struct Outcome(bool Kept, Exception? Error);
}
