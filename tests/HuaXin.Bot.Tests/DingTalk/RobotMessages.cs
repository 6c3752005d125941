using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.DingTalk;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>Robot message bodies for tests, all derived from DingTalk's official sample payload (Fixtures/official-sample.json).</summary>
public static class RobotMessages
{
    public static string OfficialSample { get; } = File.ReadAllText(FixturePath("official-sample.json"));

    /// <summary>POST /api/dingtalk/callback as DingTalk sends it: signed with the fake's secret at now, unless the test
    /// gives its own timestamp or sign.</summary>
    public static HttpRequestMessage Callback(string body, long? timestamp = null, string? sign = null) =>
        Signed(new HttpRequestMessage(HttpMethod.Post, "/api/dingtalk/callback") { Content = new StringContent(body, Encoding.UTF8, "application/json") }, timestamp, sign);

    /// <summary>Adds DingTalk's timestamp and sign headers to a callback request.</summary>
    public static HttpRequestMessage Signed(HttpRequestMessage request, long? timestamp = null, string? sign = null)
    {
        var ts = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        request.Headers.Add("timestamp", ts.ToString());
        request.Headers.Add("sign", sign ?? DingTalkSignature.Compute(FakeDingTalk.AppSecret, ts));
        return request;
    }

    /// <summary>A one-to-one text message whose session webhook points at the fake and is valid for an hour.</summary>
    public static string Text(FakeDingTalk fake, string msgId, string text, string staffId = "user123", string conversationType = "1",
        string? session = null, DateTimeOffset? webhookExpires = null, string conversationId = "cid-private-1")
    {
        var node = JsonNode.Parse(OfficialSample)!.AsObject();
        node["msgId"] = msgId;
        node["senderStaffId"] = staffId;
        node["conversationType"] = conversationType;
        node["conversationId"] = conversationId;
        node["sessionWebhook"] = fake.WebhookUrl(session ?? msgId);
        node["sessionWebhookExpiredTime"] = (webhookExpires ?? DateTimeOffset.UtcNow.AddHours(1)).ToUnixTimeMilliseconds();
        node["createAt"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        node["robotCode"] = FakeDingTalk.AppKey;
        node["text"] = new JsonObject { ["content"] = text };
        if (conversationType == "1")
        {
            node.Remove("conversationTitle");
        }
        return node.ToJsonString();
    }

    /// <summary>A group message in which the robot was @-mentioned.</summary>
    public static string Group(FakeDingTalk fake, string msgId, string text, string staffId, string conversationId = "cid-group-1") =>
        Text(fake, msgId, text, staffId, "2", conversationId: conversationId);

    public static string WithType(string json, string msgtype, JsonObject content)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["msgtype"] = msgtype;
        node.Remove("text");
        node["content"] = content;
        return node.ToJsonString();
    }

    private static string FixturePath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name);
}
