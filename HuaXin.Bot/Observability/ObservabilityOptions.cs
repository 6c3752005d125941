using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Observability;

/// <summary>Settings under "Observability" for /healthz and /metrics.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>How often the outbox and inbound queue depths are counted for the gauges and /healthz.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan QueueSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A channel whose oldest due message has waited this long, with no delivery since, is reported degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ChannelStuckAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Serve /metrics (Prometheus text format).</summary>
    public bool PrometheusEnabled { get; set; } = true;

    /// <summary>Bearer token a scraper on another machine presents for /metrics; without one, /metrics answers only
    /// clients on this machine that did not come through a proxy.</summary>
    public string? MetricsToken { get; set; }
}
