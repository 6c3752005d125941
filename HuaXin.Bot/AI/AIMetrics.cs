using System.Diagnostics.Metrics;

namespace HuaXin.Bot.AI;

/// <summary>Meter "HuaXin.Bot.AI": how often the model is asked, how long it takes, and why its answer was not used.</summary>
public sealed class AIMetrics
{
    public const string MeterName = "HuaXin.Bot.AI";

    private readonly Counter<long> _calls;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _latency;

    public AIMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateCounter<long>("llm_calls", description: "Model calls by operation and outcome");
        _fallbacks = meter.CreateCounter<long>("llm_fallbacks", description: "Turns answered without the model, by reason");
        _latency = meter.CreateHistogram<double>("llm_latency", unit: "ms", description: "Model call latency including retries");
    }

    public void Call(string operation, string outcome, TimeSpan elapsed)
    {
        _calls.Add(1, new("operation", operation), new("outcome", outcome));
        _latency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("operation", operation));
    }

    public void Fallback(string operation, string reason) =>
        _fallbacks.Add(1, new("operation", operation), new("reason", reason));
}
