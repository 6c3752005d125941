using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Polly.CircuitBreaker;

namespace HuaXin.Bot.Messaging;

/// <summary>Meter "HuaXin.Bot": turns and their latency, inbound and outbound outcomes, SLA breaches, and the queue
/// depths <see cref="QueueDepthSampler"/> reads. Also remembers each channel's last delivery for /healthz.</summary>
public sealed class BotMetrics
{
    public const string MeterName = "HuaXin.Bot";

    private readonly Counter<long> _turns;
    private readonly Histogram<double> _turnLatency;
    private readonly Counter<long> _inbound;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _slaBreaches;
    private readonly ConcurrentDictionary<string, ChannelDelivery> _channels = new(StringComparer.OrdinalIgnoreCase);
    private QueueDepths _depths = new(0, 0, 0, 0);

    public BotMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _turns = meter.CreateCounter<long>("huaxin.turns", description: "Turns handled, by channel and outcome");
        _turnLatency = meter.CreateHistogram<double>("huaxin.turn.duration", unit: "ms", description: "Time the turn pipeline took to answer one turn",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] });
        _inbound = meter.CreateCounter<long>("huaxin.inbound.processed", description: "Queued inbound turns by outcome (done, retry, parked)");
        _deliveries = meter.CreateCounter<long>("huaxin.outbox.deliveries", description: "Outbox delivery attempts by channel and outcome (done, retry, parked)");
        _slaBreaches = meter.CreateCounter<long>("huaxin.sla.breaches", description: "Tickets that missed a time limit, by window (受理/办结) and department");
        meter.CreateObservableGauge("huaxin.outbox.backlog", () => _depths.OutboxPending, description: "Outbox messages waiting to be delivered");
        meter.CreateObservableGauge("huaxin.outbox.parked", () => _depths.OutboxParked, description: "Outbox messages given up on, waiting for an admin");
        meter.CreateObservableGauge("huaxin.inbound.backlog", () => _depths.InboundPending, description: "Accepted inbound turns not processed yet");
        meter.CreateObservableGauge("huaxin.inbound.parked", () => _depths.InboundParked, description: "Inbound turns given up on");
    }

    public QueueDepths Depths => _depths;

    public IReadOnlyDictionary<string, ChannelDelivery> Channels => _channels;

    public void Turn(string channel, string outcome, TimeSpan elapsed)
    {
        _turns.Add(1, new("channel", channel), new("outcome", outcome));
        _turnLatency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("channel", channel));
    }

    public void InboundProcessed(string channel, string outcome) => _inbound.Add(1, new("channel", channel), new("outcome", outcome));

    public void Delivered(string channel, DateTimeOffset at)
    {
        _deliveries.Add(1, new("channel", channel), new("outcome", "done"));
        _channels.AddOrUpdate(channel, _ => new ChannelDelivery(at, null, null, false), (_, c) => c with { LastSuccessAt = at, CircuitOpen = false });
    }

    /// <summary>A failed attempt; a Polly <see cref="BrokenCircuitException"/> means the channel's circuit is open.</summary>
    public void DeliveryFailed(string channel, Exception error, bool parked, DateTimeOffset at)
    {
        _deliveries.Add(1, new("channel", channel), new("outcome", parked ? "parked" : "retry"));
        var open = error is BrokenCircuitException || error.InnerException is BrokenCircuitException;
        _channels.AddOrUpdate(channel, _ => new ChannelDelivery(null, at, error.GetType().Name, open),
            (_, c) => c with { LastFailureAt = at, LastError = error.GetType().Name, CircuitOpen = open });
    }

    public void SlaBreach(string window, string department) => _slaBreaches.Add(1, new("window", window), new("department", department));

    internal void SetDepths(QueueDepths depths) => _depths = depths;
}

public sealed record QueueDepths(long OutboxPending, long OutboxParked, long InboundPending, long InboundParked);

/// <summary>What this instance last saw of a channel's outbound traffic.</summary>
public sealed record ChannelDelivery(DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastError, bool CircuitOpen);
