using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace HuaXin.Bot.DingTalk.OpenApi;

/// <summary>The Polly pipeline around every DingTalk call: retry throttling (90002, the per-IP ban body, 429) and
/// server errors with exponential backoff and jitter, then a circuit breaker so a ban or outage is not hammered.</summary>
public static class DingTalkResilience
{
    public static IHttpClientBuilder AddDingTalkResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler("dingtalk", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<DingTalkOptions>>().CurrentValue;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                ShouldHandle = ShouldHandle,
                MaxRetryAttempts = Math.Max(options.MaxRetryAttempts, 0),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                // DingTalk's Retry-After, when it sends one, is a better guess than ours.
                ShouldRetryAfterHeader = true,
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                ShouldHandle = ShouldHandle,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.CircuitBreakDuration,
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(15));
        });
        return builder;
    }

    private static ValueTask<bool> ShouldHandle(RetryPredicateArguments<HttpResponseMessage> args) => IsTransientAsync(args.Outcome);

    private static ValueTask<bool> ShouldHandle(CircuitBreakerPredicateArguments<HttpResponseMessage> args) => IsTransientAsync(args.Outcome);

    private static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => await DingTalkThrottling.IsTransientAsync(response),
        _ => false,
    };
}
