using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.Tests.AI;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Resilience;

/// <summary>Finding 6 with a real SIGKILL: the service process dies while a Direct Line turn is under way (held inside a
/// call to the configured model); after the restart Web Chat's retry of the same clientActivityID is answered, and the
/// family's message is in the conversation once.</summary>
public sealed class DirectLineKillTests
{
    [Fact]
    public async Task A_message_whose_turn_was_killed_is_answered_when_Web_Chat_retries_it()
    {
        // Only against a hang: two starts of the service on a busy machine take minutes.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var ct = guard.Token;
        using var database = new TestDatabase();
        await using var model = await ModelStub.StartAsync();
        model.Reply = _ => new StubReply.Hang();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Knowledge:Watch"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // The longest allowed: the turn is still waiting for the model when the process is killed.
            ["AI:Provider"] = "OpenAICompatible",
            ["AI:Endpoint"] = model.OpenAIEndpoint.ToString(),
            ["AI:ApiKey"] = "test-key",
            ["AI:ChatModel"] = "stub-chat",
            ["AI:CallTimeout"] = "00:01:00",
            ["AI:TurnDeadline"] = "00:01:00",
        };
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };

        Uri baseUrl;
        string token, conversationId;
        Task<HttpResponseMessage> cutOff;
        await using (var killed = await ServiceProcess.StartAsync(RepoPaths.Root, settings, ct))
        {
            baseUrl = killed.BaseUrl;
            (token, conversationId) = await StartConversationAsync(client, baseUrl, ct);
            cutOff = client.SendAsync(Post(baseUrl, token, conversationId), ct);
            while (!model.ChatCalls.Any())
            {
                // Waits for the turn to reach the model; the guard only ends a hang.
                await Task.WhenAny(cutOff, Task.Delay(100, ct));
                Assert.False(cutOff.IsCompletedSuccessfully, "the turn finished before it reached the model");
            }
            killed.Kill();
        }
        await Assert.ThrowsAnyAsync<Exception>(() => cutOff);

        // Restarted on the same database; the model answers now.
        model.Reply = _ => StubReply.Text("外出职工每年可以享受探亲假[1]");
        await using var restarted = await ServiceProcess.StartAsync(RepoPaths.Root, settings, ct);
        using var retried = await client.SendAsync(Post(restarted.BaseUrl, token, conversationId), ct);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var activities = await ActivitiesAsync(client, restarted.BaseUrl, token, conversationId, ct);
        var mine = Assert.Single(activities, a => a!["channelData"]?["clientActivityID"]?.GetValue<string>() == "cut-off");
        Assert.Equal("探亲假有几天", mine!["text"]!.GetValue<string>());
        Assert.Contains(activities, a => a!["from"]!["role"]?.GetValue<string>() == "bot" && a["replyToId"]?.GetValue<string>() == mine["id"]!.GetValue<string>());
    }

    private static async Task<(string Token, string ConversationId)> StartConversationAsync(HttpClient client, Uri baseUrl, CancellationToken ct)
    {
        using var page = await client.PostAsync(new Uri(baseUrl, "api/webchat/token"), null, ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = JsonNode.Parse(await page.Content.ReadAsStringAsync(ct))!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "v3/directline/conversations"));
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await client.SendAsync(start, ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (token, JsonNode.Parse(await started.Content.ReadAsStringAsync(ct))!["conversationId"]!.GetValue<string>());
    }

    /// <summary>The same activity each time, as Web Chat resends it.</summary>
    private static HttpRequestMessage Post(Uri baseUrl, string token, string conversationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, $"v3/directline/conversations/{conversationId}/activities"))
        {
            Content = new StringContent(new JsonObject
            {
                ["type"] = "message",
                ["text"] = "探亲假有几天",
                ["locale"] = "zh-CN",
                ["channelData"] = new JsonObject { ["clientActivityID"] = "cut-off" },
            }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<JsonArray> ActivitiesAsync(HttpClient client, Uri baseUrl, string token, string conversationId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"v3/directline/conversations/{conversationId}/activities"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!["activities"]!.AsArray();
    }
}
