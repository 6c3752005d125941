using HuaXin.Bot.AI;
using HuaXin.Bot.Messaging;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace HuaXin.Bot.Observability;

public static class ObservabilityExtensions
{
    /// <summary>Health checks, queue gauges, turn metrics (<see cref="MeteredTurnHandler"/> is the pipeline's outermost
    /// behaviour, declared with the others in HostingExtensions) and the Prometheus exporter.</summary>
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ObservabilityOptions>().Bind(configuration.GetSection(ObservabilityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddBotMetrics();
        services.AddHostedService<QueueDepthSampler>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy)
            .AddCheck<ChannelsHealthCheck>("channels", HealthStatus.Degraded);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName, AIMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>GET /healthz (200 healthy or degraded, 503 unhealthy) and GET /metrics.</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        if (app.Configuration.GetValue(ObservabilityOptions.Section + ":PrometheusEnabled", true))
        {
            var token = app.Configuration[ObservabilityOptions.Section + ":MetricsToken"];
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use((context, next) =>
            {
                if (MetricsAccess.IsAllowed(context, token))
                {
                    return next(context);
                }
                context.Response.StatusCode = string.IsNullOrEmpty(token) ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            }));
            app.MapPrometheusScrapingEndpoint("/metrics");
        }
        return app;
    }
}
