using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HuaXin.Bot.Tests.Support;
using HuaXin.Bot.Tickets;
using static HuaXin.Bot.Tests.Tickets.TicketFixture;

namespace HuaXin.Bot.Tests.Observability;

/// <summary>The production sites record to meter "HuaXin.Bot": outbox deliveries where the dispatcher sends, SLA
/// breaches where the monitor escalates, queue depths where the sampler counts.</summary>
public sealed class BotMetricsTests
{
    [Fact]
    public async Task Deliveries_and_an_sla_breach_are_counted_where_they_happen()
    {
        await using var h = await StartAsync(TestDatabase.DefaultProvider);
        using var recorded = new Recorder(h.Get<IMeterFactory>());
        await CreateAsync(h, department: "集团工会");
        await DeliverAsync(h);

        h.Time.Advance(TimeSpan.FromHours(5)); // past the first-contact limit
        await h.Get<SlaMonitor>().CheckAsync(default);

        Assert.Contains(recorded.Values, m => m.Instrument == "huaxin.outbox.deliveries" && m.Tags.Contains("outcome=done"));
        Assert.Contains(recorded.Values, m => m.Instrument == "huaxin.sla.breaches" && m.Tags.Contains("window=受理") && m.Tags.Contains("department=集团工会"));
    }

    /// <summary>Listens to this harness's meters only (tests run in parallel, each with its own meter factory).</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();

        public ConcurrentQueue<(string Instrument, string Tags)> Values { get; } = new();

        public Recorder(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
                Values.Enqueue((instrument.Name, string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")))));
            _listener.Start();
        }

        public void Dispose() => _listener.Dispose();
    }
}
