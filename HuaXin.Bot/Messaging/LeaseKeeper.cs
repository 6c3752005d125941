namespace HuaXin.Bot.Messaging;

/// <summary>Holds a claimed item's lease while its work runs: renews it every third of the lease, and cancels
/// <see cref="Lost"/> when a renewal finds that another worker holds the item now (this process stalled past its
/// lease and was overtaken), so the work stops instead of racing the worker that took over.</summary>
/// <remarks>A renewal that comes late but finds the item still untaken simply extends it: lateness alone, e.g. on a
/// busy CPU, does not abandon work nobody else has started.</remarks>
internal sealed class LeaseKeeper : IAsyncDisposable
{
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;
    private int _disposed;

    private LeaseKeeper(DateTimeOffset token, Func<DateTimeOffset, Task<DateTimeOffset?>> renew, TimeSpan lease, TimeProvider time)
    {
        Token = token;
        Lost = _lost.Token;
        _renewing = RenewAsync(renew, lease, time);
    }

    /// <summary>The current fencing token (the lease's end as stored).</summary>
    public DateTimeOffset Token { get; private set; }

    /// <summary>Cancelled when the lease is no longer this worker's.</summary>
    public CancellationToken Lost { get; }

    /// <param name="renew">Tries to move the lease on from the given token; the new token, or null when lost.</param>
    public static LeaseKeeper Start(DateTimeOffset token, Func<DateTimeOffset, Task<DateTimeOffset?>> renew, TimeSpan lease, TimeProvider time) =>
        new(token, renew, lease, time);

    private async Task RenewAsync(Func<DateTimeOffset, Task<DateTimeOffset?>> renew, TimeSpan lease, TimeProvider time)
    {
        // A periodic timer keeps its beat however long a renewal takes; a late renewal catches up at the next tick.
        using var ticks = new PeriodicTimer(lease / 3, time);
        try
        {
            while (await ticks.WaitForNextTickAsync(_stop.Token))
            {
                DateTimeOffset? renewed;
                try
                {
                    renewed = await renew(Token);
                }
                catch (Exception) when (!_stop.IsCancellationRequested)
                {
                    // The database is unreachable for now; so is every other worker's claim. Try again next tick.
                    continue;
                }
                if (renewed is null)
                {
                    await _lost.CancelAsync();
                    return;
                }
                Token = renewed.Value;
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops renewing (waiting for a renewal in flight); <see cref="Token"/> is final after this. Idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
        _lost.Dispose();
    }
}
