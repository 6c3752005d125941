using System.Text.Json;
using System.Text.Json.Nodes;

namespace HuaXin.Bot.DingTalk.Stream;

/// <summary>A frame the Stream gateway pushes. <see cref="Data"/> is a JSON document inside a string.</summary>
public sealed record StreamFrame(string? SpecVersion, string Type, JsonObject Headers, string? Data)
{
    public const string RobotTopic = "/v1.0/im/bot/messages/get";

    public string? MessageId => Header("messageId");

    public string? Topic => Header("topic");

    private string? Header(string name) => Headers[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>What the client writes back: an acknowledgement carrying the frame's messageId.</summary>
public sealed record StreamAck(int Code, JsonObject Headers, string Message, string? Data)
{
    private static readonly string CallbackOk = JsonSerializer.Serialize(new { response = (object?)null });

    /// <summary>Acknowledges a CALLBACK so DingTalk stops re-sending it.</summary>
    public static StreamAck Callback(string messageId, int code = 200) => new(code, AckHeaders(messageId), code == 200 ? "OK" : "ERROR", CallbackOk);

    /// <summary>Acknowledges an EVENT; "LATER" asks DingTalk to deliver it again.</summary>
    public static StreamAck Event(string messageId, bool success) =>
        new(200, AckHeaders(messageId), "OK", JsonSerializer.Serialize(new { status = success ? "SUCCESS" : "LATER", message = "" }));

    /// <summary>Answers a SYSTEM ping with its own headers and data, as the gateway expects.</summary>
    public static StreamAck Pong(StreamFrame ping) => new(200, ping.Headers.DeepClone().AsObject(), "OK", ping.Data);

    private static JsonObject AckHeaders(string messageId) => new() { ["contentType"] = "application/json", ["messageId"] = messageId };
}

/// <summary>Answer of POST /v1.0/gateway/connections/open.</summary>
public sealed record StreamEndpoint(string Endpoint, string Ticket);
