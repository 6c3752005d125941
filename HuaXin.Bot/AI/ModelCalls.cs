using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HuaXin.Bot.AI;

/// <summary>Every model call goes through here: it runs within the turn's remaining budget, and a failure of any
/// kind becomes a logged, counted fallback (null) instead of an exception, so callers keep their rule-based result.</summary>
public sealed class ModelCalls(
    IChatCompletionService chat,
    AIMetrics metrics,
    IOptions<AIOptions> options,
    TimeProvider time,
    ILogger<ModelCalls> logger)
{
    // Function calling without auto-invocation still wants a kernel; it is never used to run anything.
    private static readonly Kernel NoPlugins = new();

    /// <param name="share">The part of the turn deadline this call may use at most, so later calls of the turn keep some.</param>
    public Task<ChatMessageContent?> CompleteAsync(string operation, ChatHistory history, PromptExecutionSettings settings,
        CancellationToken cancellationToken, double share = 1) =>
        RunAsync<ChatMessageContent>(operation, options.Value.TurnDeadline * share,
            token => chat.GetChatMessageContentAsync(history, settings, NoPlugins, token), cancellationToken);

    /// <summary>Runs one model call within the turn's remaining time, or within <paramref name="budget"/> outside a turn.</summary>
    public async Task<T?> RunAsync<T>(string operation, TimeSpan budget, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        var remaining = AITurnBudget.Remaining(time, budget);
        if (remaining <= TimeSpan.Zero)
        {
            Fallback(operation, "deadline");
            return null;
        }
        using var deadline = new CancellationTokenSource(remaining, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = time.GetTimestamp();
        try
        {
            var result = await call(linked.Token);
            metrics.Call(operation, "ok", time.GetElapsedTime(started));
            return result;
        }
        // Anything but the caller's own cancellation: the user still gets the rule-based result.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var reason = Reason(e, deadline.IsCancellationRequested);
            metrics.Call(operation, reason, time.GetElapsedTime(started));
            Fallback(operation, reason);
            return null;
        }
    }

    /// <summary>Counts and logs a fallback. The reason only: prompts and replies carry user text and stay out of logs.</summary>
    public void Fallback(string operation, string reason)
    {
        metrics.Fallback(operation, reason);
        logger.LogWarning("AI {Operation} not used ({Reason}); the rule-based result stands", operation, reason);
    }

    private static string Reason(Exception e, bool deadlinePassed)
    {
        if (deadlinePassed)
        {
            return "deadline";
        }
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case BrokenCircuitException:
                    return "circuit_open";
                case TimeoutRejectedException:
                    return "timeout";
                case HttpOperationException { StatusCode: HttpStatusCode.TooManyRequests }:
                    return "rate_limited";
                case HttpOperationException { StatusCode: >= HttpStatusCode.InternalServerError }:
                    return "server_error";
                case System.ClientModel.ClientResultException { Status: 429 }:
                    return "rate_limited";
                case System.ClientModel.ClientResultException { Status: >= 500 }:
                    return "server_error";
                case JsonException or FormatException:
                    return "malformed";
            }
        }
        return e switch
        {
            HttpOperationException { StatusCode: not null } or System.ClientModel.ClientResultException { Status: > 0 } => "client_error",
            OperationCanceledException => "timeout",
            HttpRequestException => "unreachable",
            HttpOperationException or KernelException => "malformed",
            _ => "error",
        };
    }
}
