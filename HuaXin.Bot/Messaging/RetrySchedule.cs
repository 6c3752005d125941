namespace HuaXin.Bot.Messaging;

/// <summary>Exponential backoff with full jitter, so many failed items don't retry in lockstep.</summary>
internal static class RetrySchedule
{
    public static TimeSpan Delay(int attempt, MessagingOptions options)
    {
        var exponential = options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }
}
