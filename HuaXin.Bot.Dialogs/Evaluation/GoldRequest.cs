using System.Text.Json;

namespace HuaXin.Bot.Dialogs.Evaluation;

/// <summary>One labelled line of an evaluation file.</summary>
public sealed record GoldRequest(
    string Id,
    string Text,
    bool IsRequest,
    string? Category,
    string? Department,
    IReadOnlyDictionary<string, string> Slots,
    string? Purpose = null)
{
    /// <summary>The labelled purpose; files without one: a request (a complaint when so categorized) or a question.</summary>
    public string PurposeOrDefault => Purpose ?? (IsRequest ? (Category == Understanding.Purpose.Complaint ? Understanding.Purpose.Complaint : Understanding.Purpose.Request) : Understanding.Purpose.Question);

    /// <summary>Parses one JSONL line; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static GoldRequest Parse(string line, int lineNumber)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(line);
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException($"not valid JSON ({e.Message})");
        }
        if (root.ValueKind != JsonValueKind.Object) throw new FormatException("not a JSON object");
        var text = OptionalString(root, "text") ?? throw new FormatException("\"text\" is missing");
        if (!root.TryGetProperty("is_request", out var isRequest) || isRequest.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw new FormatException("\"is_request\" must be true or false");

        var slots = new Dictionary<string, string>();
        if (root.TryGetProperty("slots", out var slotsElement) && slotsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var slot in slotsElement.EnumerateObject())
            {
                var value = slot.Value.ValueKind == JsonValueKind.String ? slot.Value.GetString() : slot.Value.ValueKind == JsonValueKind.Null ? null : slot.Value.GetRawText();
                if (!string.IsNullOrWhiteSpace(value)) slots[slot.Name] = value;
            }
        }
        return new GoldRequest(
            OptionalString(root, "id") ?? $"line{lineNumber}",
            text,
            isRequest.GetBoolean(),
            OptionalString(root, "category"),
            OptionalString(root, "department"),
            slots,
            OptionalString(root, "purpose"));
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
