using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Security;

/// <summary>Per-user token buckets, taken by each channel only after it has verified who sent the message (Bot Framework
/// JWT, DingTalk signature or Stream connection, Direct Line token, API key). Counting before verification would let
/// anyone who knows a user's id spend that user's allowance with forged requests and lock them out.</summary>
public sealed class UserRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetTokenBucketLimiter(user, _ => RateLimiting.Bucket(options.Value.UserBurst, options.Value.UserPermitsPerMinute)));

    // One "slow down" message per user and minute: answering every refused message would feed the flood.
    private readonly PartitionedRateLimiter<string> _notices = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetTokenBucketLimiter(user, _ => RateLimiting.Bucket(1, 1)));

    /// <summary>Null when the user may go on; otherwise how long to wait.</summary>
    public TimeSpan? TryAcquire(string channel, string userId)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }
        using var lease = _limiter.AttemptAcquire($"{channel}:{userId}");
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60.0 / options.Value.UserPermitsPerMinute);
    }

    /// <summary>True when a user over the limit may be told so now (at most once a minute).</summary>
    public bool MayTellUser(string channel, string userId)
    {
        using var lease = _notices.AttemptAcquire($"{channel}:{userId}");
        return lease.IsAcquired;
    }

    /// <summary>429 with Retry-After and a problem body, as the address limits answer.</summary>
    public static IResult TooManyRequests(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(context.Response, retryAfter);
        return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"请求过于频繁，请 {seconds} 秒后再试。/ Too many requests; retry after {seconds} s.");
    }

    /// <summary>Sets Retry-After in whole seconds (at least 1) and returns them.</summary>
    public static int SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _notices.Dispose();
    }
}
