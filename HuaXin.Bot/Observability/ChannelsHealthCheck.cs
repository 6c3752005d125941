using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Observability;

/// <summary>Every outbound channel: its last successful delivery (from the database, so every instance's count), what is
/// waiting or parked, and whether this instance's circuit to it is open. Degraded, never unhealthy: a channel being
/// down must not get the service restarted, which would not help.</summary>
public sealed class ChannelsHealthCheck(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    IEnumerable<IChannelSender> senders,
    BotMetrics metrics,
    TimeProvider time,
    IOptions<ObservabilityOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var data = new Dictionary<string, object>();
        var degraded = new List<string>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var channel in senders.Select(s => s.Channel).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var lastSuccess = await db.OutboxMessages.Where(m => m.Channel == channel && m.Status == WorkStatus.Done)
                .OrderByDescending(m => m.Id).Select(m => m.CompletedAt).FirstOrDefaultAsync(cancellationToken);
            var oldestDue = await db.OutboxMessages.Where(m => m.Channel == channel && m.Status == WorkStatus.Pending)
                .OrderBy(m => m.Id).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            var pending = await db.OutboxMessages.CountAsync(m => m.Channel == channel && m.Status == WorkStatus.Pending, cancellationToken);
            var parked = await db.OutboxMessages.CountAsync(m => m.Channel == channel && m.Status == WorkStatus.Parked, cancellationToken);
            metrics.Channels.TryGetValue(channel, out var seen);
            var stuck = oldestDue is { } due && now - due > options.Value.ChannelStuckAfter && (lastSuccess is null || lastSuccess < due);
            var circuitOpen = seen?.CircuitOpen == true;
            if (stuck || circuitOpen)
            {
                degraded.Add(channel);
            }
            data[channel] = new ChannelHealth(lastSuccess, seen?.LastFailureAt, seen?.LastError, circuitOpen ? "open" : "closed", pending, parked, oldestDue);
        }
        return degraded.Count == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded($"Not delivering: {string.Join(", ", degraded)}.", data: data);
    }
}

public sealed record ChannelHealth(DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastError, string Circuit, int Pending, int Parked, DateTimeOffset? OldestPendingSince);
