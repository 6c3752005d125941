using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace HuaXin.Bot.Security;

/// <summary>The global limiter, per client IP, before any endpoint runs; per-user limits are taken by the channels once the
/// sender is verified (<see cref="UserRateLimiter"/>). Refusals are 429 with Retry-After and a problem body; health and
/// metrics are never limited, so monitoring sees a flood.</summary>
public static class RateLimiting
{
    public static IServiceCollection AddHuaXinRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IpPartition(context, limits));
            options.OnRejected = (context, cancellationToken) => RejectAsync(context, limits, cancellationToken);
        });
        return services;
    }

    private static RateLimitPartition<string> IpPartition(HttpContext context, RateLimitOptions limits)
    {
        var ip = context.Connection.RemoteIpAddress;
        if (!IsLimited(context) || ip is null || (limits.ExemptLoopback && IPAddress.IsLoopback(ip)))
        {
            return RateLimitPartition.GetNoLimiter("");
        }
        var path = context.Request.Path;
        return path.StartsWithSegments("/api/messages") || path.StartsWithSegments("/api/dingtalk/callback")
            ? RateLimitPartition.GetTokenBucketLimiter("p:" + ip, _ => Bucket(limits.PlatformIpPermitsPerMinute, limits.PlatformIpPermitsPerMinute))
            : RateLimitPartition.GetTokenBucketLimiter("ip:" + ip, _ => Bucket(limits.IpBurst, limits.IpPermitsPerMinute));
    }

    private static bool IsLimited(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/metrics");

    /// <summary>Refilled every second, so a client that waits Retry-After seconds is let in again.</summary>
    internal static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, 60.0 / perMinute)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(60.0 / limits.IpPermitsPerMinute);
        await UserRateLimiter.TooManyRequests(context.HttpContext, retryAfter).ExecuteAsync(context.HttpContext);
    }
}
