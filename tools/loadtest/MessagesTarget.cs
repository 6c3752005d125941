using System.Text;
using System.Text.Json.Nodes;

namespace HuaXin.LoadTest;

/// <summary>POST /api/messages with deliveryMode "expectReplies": the turn runs inside the request and the replies come
/// back in its body, so the round trip is the turn. Works unchanged against the botbuilder echo bot.</summary>
public sealed class MessagesTarget(bool expectBotReplyText) : ITarget
{
    private static readonly string[] Questions = ["你好", "困难职工帮扶怎么申请", "子女助学金有哪些条件", "我的申请", "大病救助需要什么材料"];

    public Task<object?> StartUserAsync(HttpClient http, int user, CancellationToken cancellationToken) => Task.FromResult<object?>(null);

    public async Task<bool> TurnAsync(HttpClient http, object? session, int user, long turn, CancellationToken cancellationToken)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = $"load-{user}-{turn}",
            ["channelId"] = "emulator",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies",
            ["from"] = new JsonObject { ["id"] = $"load-user-{user}", ["name"] = "压测" },
            ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = $"load-conv-{user}" },
            ["text"] = Questions[turn % Questions.Length],
            ["locale"] = "zh-CN",
        };
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("api/messages", content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var replies = body?["activities"]?.AsArray();
        return replies is { Count: > 0 } && (!expectBotReplyText || replies[0]?["text"] is not null);
    }
}
