using System.Net.Http.Json;
using System.Text.Json;

namespace HuaXin.Bot.Tests.Api;

/// <summary>One conversation over POST /api/chat; each turn's messages joined as text.</summary>
internal sealed class Chat(HttpClient client, string conversationId)
{
    public async Task<string> SayAsync(string text)
    {
        var response = await client.PostAsJsonAsync("/api/chat", new { conversationId, userId = "u1", userName = "张大姐", text });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Join("\n", body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("text").GetString()));
    }
}
