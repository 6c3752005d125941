using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HuaXin.Bot.Dialogs.Evaluation;

/// <summary>What the understanding produced for one line, in the same shape as the gold file.</summary>
public sealed record EvaluationOutput(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("is_request")] bool IsRequest,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("department")] string? Department,
    [property: JsonPropertyName("slots")] IReadOnlyDictionary<string, string> Slots)
{
    // Chinese stays readable in the output file.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJsonLine() => JsonSerializer.Serialize(this, Options);
}
