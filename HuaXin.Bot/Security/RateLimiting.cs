using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace HuaXin.Bot.Security;

/// <summary>One global limiter: per user (see <see cref="RateLimitKeys"/>) chained with per client IP. Refusals are
/// 429 with Retry-After and a problem body; health and metrics are never limited, so monitoring sees a flood.</summary>
public static class RateLimiting
{
    public static IServiceCollection AddHuaXinRateLimiting(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => UserPartition(context, limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IpPartition(context, limits)));
            options.OnRejected = (context, cancellationToken) => RejectAsync(context, limits, cancellationToken);
        });
        return services;
    }

    private static RateLimitPartition<string> UserPartition(HttpContext context, RateLimitOptions limits) =>
        !IsLimited(context) || RateLimitKeys.User(context) is not { } user
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetTokenBucketLimiter("u:" + user, _ => Bucket(limits.UserBurst, limits.UserPermitsPerMinute));

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
    private static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = Math.Max(1, perMinute / 60),
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, 60.0 / perMinute)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : Math.Max(1, 60 / Math.Min(limits.UserPermitsPerMinute, limits.IpPermitsPerMinute));
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"请求过于频繁，请 {seconds} 秒后再试。/ Too many requests; retry after {seconds} s.").ExecuteAsync(context.HttpContext);
    }
}
