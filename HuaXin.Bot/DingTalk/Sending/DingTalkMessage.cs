using System.Text.Json;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.DingTalk.Sending;

/// <summary>One DingTalk message, plain text or markdown, in the shapes the session webhook and the OpenAPI expect.</summary>
public sealed record DingTalkMessage(string Title, string Text, bool IsMarkdown)
{
    /// <summary>DingTalk rejects a msgParam above this many bytes.</summary>
    public const int MaxMsgParamBytes = 15_000;

    public string MsgKey => IsMarkdown ? "sampleMarkdown" : "sampleText";

    /// <summary>The OpenAPI's msgParam: a JSON document inside a string.</summary>
    public string MsgParam() => IsMarkdown
        ? JsonSerializer.Serialize(new { title = Title, text = Text }, MessagingJson.Options)
        : JsonSerializer.Serialize(new { content = Text }, MessagingJson.Options);

    public object WebhookBody(IReadOnlyList<string> atUserIds)
    {
        var at = new { atUserIds };
        return IsMarkdown
            ? new { msgtype = "markdown", markdown = new { title = Title, text = Text }, at }
            : new { msgtype = "text", text = new { content = Text }, at };
    }

    /// <summary>Splits a long message into parts whose msgParam fits DingTalk's limit, on paragraph boundaries where possible.</summary>
    public IReadOnlyList<DingTalkMessage> SplitToLimit(int maxMsgParamBytes = MaxMsgParamBytes)
    {
        var overhead = ByteCount(this with { Text = "" });
        return MessageSplitter.Split(Text, maxMsgParamBytes - overhead, EscapedByteCount)
            .Select(part => this with { Text = part }).ToList();
    }

    private static int ByteCount(DingTalkMessage message) => System.Text.Encoding.UTF8.GetByteCount(message.MsgParam());

    /// <summary>Bytes a text takes inside msgParam, after JSON escaping.</summary>
    private static int EscapedByteCount(string text) =>
        System.Text.Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(text, MessagingJson.Options)) - 2;
}
