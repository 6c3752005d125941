using System.Threading.Channels;

namespace HuaXin.Bot.Messaging;

/// <summary>Wakes a worker as soon as this instance queues work; workers still poll for other instances' work.</summary>
public sealed class WorkSignal<T>
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>The workers' loop: run <paramref name="runOnce"/> again at once while it finds work, otherwise wait for
    /// this signal or the poll interval; a failed round is logged and retried, never fatal.</summary>
    public async Task RunAsync(Func<CancellationToken, Task<int>> runOnce, TimeSpan pollInterval, TimeProvider time, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runOnce(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Worker} round failed; retrying", typeof(T).Name);
            }
            await WaitAsync(pollInterval, time, stoppingToken);
        }
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await _channel.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Poll interval elapsed.
        }
    }
}

/// <summary>Marker types so the inbound processor and the outbox dispatcher each have their own signal.</summary>
public sealed class InboundWork;

public sealed class OutboxWork;
