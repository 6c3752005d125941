using System.Text.Json;

namespace HuaXin.Bot.Knowledge;

/// <summary>The stored form of a heading path (KnowledgeChunk.HeadingsJson); Chinese is kept readable in the database.</summary>
internal static class HeadingsJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(IReadOnlyList<string> headings) => JsonSerializer.Serialize(headings, Options);

    public static IReadOnlyList<string> Deserialize(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
