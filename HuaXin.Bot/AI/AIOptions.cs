using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.AI;

public enum AIProvider
{
    /// <summary>No model: extractive answers and rule-based understanding only.</summary>
    None,
    AzureOpenAI,
    /// <summary>Any server speaking the OpenAI chat completions API (Qwen/DeepSeek compatible mode, vLLM, Ollama…).</summary>
    OpenAICompatible,
}

/// <summary>The optional language model. The key comes from environment variables or user secrets, never from a committed file.</summary>
public sealed class AIOptions
{
    public const string Section = "AI";

    public AIProvider Provider { get; set; } = AIProvider.None;

    /// <summary>Azure: https://{resource}.openai.azure.com/; OpenAI-compatible: the base URL ending in /v1.</summary>
    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Azure: the deployment name; OpenAI-compatible: the model name.</summary>
    public string? ChatModel { get; set; }

    /// <summary>Enables hybrid retrieval when set (Azure: deployment name).</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>One HTTP attempt; a slower model is cut off and retried while the turn has time left.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>All model calls of one turn together. Keep it under 5 s so the extractive fallback still arrives in time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TurnDeadline { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Retries after a 429 (Retry-After honoured), a 5xx or a timed-out attempt.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>How long the circuit stays open after repeated failures: no call is tried meanwhile.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rewrite a question the lexical search cannot answer into policy wording and search again.</summary>
    public bool RewriteQueries { get; set; } = true;

    public bool Enabled => Provider != AIProvider.None;
}
