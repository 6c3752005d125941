using HuaXin.Bot.Data;
using HuaXin.Bot.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Observability;

/// <summary>Counts pending and parked work now and then, so a Prometheus scrape never waits on the database and the
/// gauges show every instance's work (the queues are shared through the database).</summary>
public sealed class QueueDepthSampler(
    IDbContextFactory<HuaXinDbContext> dbFactory,
    BotMetrics metrics,
    TimeProvider time,
    IOptions<ObservabilityOptions> options,
    ILogger<QueueDepthSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueSampleInterval, time);
        do
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Sampling queue depths failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<QueueDepths> SampleAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outbox = await db.OutboxMessages.Where(m => m.Status != WorkStatus.Done)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var inbound = await db.InboundMessages.Where(m => m.Status != WorkStatus.Done)
            .GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var depths = new QueueDepths(
            outbox.Where(g => g.Key == WorkStatus.Pending).Sum(g => g.Count),
            outbox.Where(g => g.Key == WorkStatus.Parked).Sum(g => g.Count),
            inbound.Where(g => g.Key == WorkStatus.Pending).Sum(g => g.Count),
            inbound.Where(g => g.Key == WorkStatus.Parked).Sum(g => g.Count));
        metrics.SetDepths(depths);
        return depths;
    }
}
