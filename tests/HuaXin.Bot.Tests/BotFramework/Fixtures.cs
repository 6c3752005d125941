using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HuaXin.Bot.Tests.BotFramework;

public static class Fixtures
{
    public static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "BotFramework", "Fixtures", name)))!.AsObject();

    /// <summary>POSTs an activity to /api/messages with a token for its serviceUrl (or the given token / none).</summary>
    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JsonObject activity, string? token = "", string? rawBody = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(rawBody ?? activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        token = token == "" ? TestTokens.Create(activity["serviceUrl"]!.GetValue<string>()) : token;
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client.SendAsync(request);
    }
}
