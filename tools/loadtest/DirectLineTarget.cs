using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HuaXin.LoadTest;

/// <summary>What the family web page does: a token from /api/webchat/token, a conversation, then per turn a posted
/// activity and polling GET activities until the bot's reply to it shows up.</summary>
public sealed class DirectLineTarget : ITarget
{
    private sealed class Session(string token, string conversationId)
    {
        public string Token { get; } = token;
        public string ConversationId { get; } = conversationId;
        public string Watermark { get; set; } = "";
    }

    public async Task<object?> StartUserAsync(HttpClient http, int user, CancellationToken cancellationToken)
    {
        using var tokenResponse = await http.PostAsync("api/webchat/token", null, cancellationToken);
        tokenResponse.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken))!["token"]!.GetValue<string>();
        using var start = Request(HttpMethod.Post, "v3/directline/conversations", token);
        using var conversation = await http.SendAsync(start, cancellationToken);
        conversation.EnsureSuccessStatusCode();
        var id = JsonNode.Parse(await conversation.Content.ReadAsStringAsync(cancellationToken))!["conversationId"]!.GetValue<string>();
        return new Session(token, id);
    }

    public async Task<bool> TurnAsync(HttpClient http, object? state, int user, long turn, CancellationToken cancellationToken)
    {
        var session = (Session)state!;
        var path = $"v3/directline/conversations/{Uri.EscapeDataString(session.ConversationId)}/activities";
        using var post = Request(HttpMethod.Post, path, session.Token);
        post.Content = new StringContent(new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "ignored" },
            ["text"] = turn % 2 == 0 ? "你好" : "困难职工帮扶怎么申请",
            ["locale"] = "zh-CN",
            ["channelData"] = new JsonObject { ["clientActivityID"] = $"load-{user}-{turn}" },
        }.ToJsonString(), Encoding.UTF8, "application/json");
        using var posted = await http.SendAsync(post, cancellationToken);
        if (!posted.IsSuccessStatusCode)
        {
            return false;
        }
        var activityId = JsonNode.Parse(await posted.Content.ReadAsStringAsync(cancellationToken))!["id"]!.GetValue<string>();
        // The turn runs inside the POST here, so the reply is normally there on the first poll.
        for (var poll = 0; poll < 500; poll++)
        {
            using var get = Request(HttpMethod.Get, $"{path}?watermark={session.Watermark}", session.Token);
            using var page = await http.SendAsync(get, cancellationToken);
            if (!page.IsSuccessStatusCode)
            {
                return false;
            }
            var set = JsonNode.Parse(await page.Content.ReadAsStringAsync(cancellationToken))!;
            session.Watermark = set["watermark"]?.GetValue<string>() ?? session.Watermark;
            if (set["activities"]!.AsArray().Any(a => a?["replyToId"]?.GetValue<string>() == activityId))
            {
                return true;
            }
            await Task.Delay(10, cancellationToken);
        }
        return false;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
