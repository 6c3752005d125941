using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HuaXin.Bot.Observability;

/// <summary>The database answers a real query on the service's own table, not just a connection open.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HuaXinDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.OutboxMessages.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy(data: new Dictionary<string, object> { ["provider"] = db.Database.ProviderName ?? "" });
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception type only: messages may carry connection details.
            return HealthCheckResult.Unhealthy($"Database query failed ({e.GetType().Name}).");
        }
    }
}
