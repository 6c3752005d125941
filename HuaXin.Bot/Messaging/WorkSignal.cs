using System.Threading.Channels;

namespace HuaXin.Bot.Messaging;

/// <summary>Wakes a worker as soon as this instance queues work; workers still poll for other instances' work.</summary>
public sealed class WorkSignal<T>
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

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
