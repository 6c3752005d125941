namespace HuaXin.Bot.AI;

/// <summary>The time left for model calls in the current turn. One turn may ask the model several times
/// (understanding, query rewriting, the grounded answer); they share one deadline so the turn as a whole stays on time.</summary>
public static class AITurnBudget
{
    private static readonly AsyncLocal<DateTimeOffset?> Deadline = new();

    /// <summary>Starts a budget unless one is already running in this flow (an outer turn keeps its own).</summary>
    public static IDisposable Enter(TimeProvider time, TimeSpan budget)
    {
        if (Deadline.Value is not null)
        {
            return NoScope.Instance;
        }
        Deadline.Value = time.GetUtcNow() + budget;
        return new Scope();
    }

    /// <summary>The time one call may take: <paramref name="budget"/>, but never past the turn's deadline.</summary>
    public static TimeSpan Remaining(TimeProvider time, TimeSpan budget) =>
        Deadline.Value is { } deadline ? TimeSpan.FromTicks(Math.Clamp((deadline - time.GetUtcNow()).Ticks, 0, budget.Ticks)) : budget;

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Deadline.Value = null;
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
