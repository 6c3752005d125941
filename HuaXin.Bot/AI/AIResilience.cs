using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace HuaXin.Bot.AI;

/// <summary>The Polly pipeline of the model's HttpClient. It owns all retries (the OpenAI SDK's own are switched off).
/// Outermost to innermost: retry, circuit breaker, per-attempt timeout; the turn deadline cancels all of it.</summary>
internal static class AIResilience
{
    public const string HttpClientName = "HuaXin.AI";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, AIOptions options)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(options.MaxRetries, 1),
            ShouldHandle = args => ValueTask.FromResult(options.MaxRetries > 0 && ShouldRetry(args.Outcome, options)),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
            // A 429's Retry-After is the server's own word on when to come back.
            ShouldRetryAfterHeader = true,
        });
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = options.CircuitBreakDuration,
        });
        pipeline.AddTimeout(options.CallTimeout);
    }

    /// <summary>Transient failures (429, 5xx, 408, timeouts, connection errors), except a 429 asking to wait longer than a
    /// whole turn: waiting would only burn the budget before the same fallback.</summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, AIOptions options)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests, Headers.RetryAfter: { } retryAfter }
            && (retryAfter.Delta ?? (retryAfter.Date - DateTimeOffset.UtcNow)) > options.TurnDeadline)
        {
            return false;
        }
        return HttpClientResiliencePredicates.IsTransient(outcome);
    }
}
