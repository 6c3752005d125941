using System.Text.Json;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.DingTalk.Sending;

/// <summary>A button of an actionCard: opens <see cref="Url"/> in DingTalk's browser.</summary>
public sealed record DingTalkLink(string Title, string Url);

/// <summary>One DingTalk message — plain text, markdown, or markdown with link buttons (an actionCard) — in the shapes
/// the session webhook and the OpenAPI expect.</summary>
public sealed record DingTalkMessage(string Title, string Text, bool IsMarkdown)
{
    /// <summary>DingTalk rejects a msgParam above this many bytes.</summary>
    public const int MaxMsgParamBytes = 15_000;

    /// <summary>The OpenAPI's actionCard templates stop at five buttons (sampleActionCard2…5).</summary>
    public const int MaxLinks = 5;

    public IReadOnlyList<DingTalkLink> Links { get; init; } = [];

    private bool IsActionCard => IsMarkdown && Links.Count > 0;

    public string MsgKey => IsActionCard
        ? Links.Count == 1 ? "sampleActionCard" : $"sampleActionCard{Links.Count}"
        : IsMarkdown ? "sampleMarkdown" : "sampleText";

    /// <summary>The OpenAPI's msgParam: a JSON document inside a string.</summary>
    public string MsgParam()
    {
        if (IsActionCard)
        {
            var param = new Dictionary<string, string> { ["title"] = Title, ["text"] = Text };
            if (Links.Count == 1)
            {
                (param["singleTitle"], param["singleURL"]) = (Links[0].Title, Links[0].Url);
            }
            for (var i = 0; Links.Count > 1 && i < Links.Count; i++)
            {
                (param[$"actionTitle{i + 1}"], param[$"actionURL{i + 1}"]) = (Links[i].Title, Links[i].Url);
            }
            return JsonSerializer.Serialize(param, MessagingJson.Options);
        }
        return IsMarkdown
            ? JsonSerializer.Serialize(new { title = Title, text = Text }, MessagingJson.Options)
            : JsonSerializer.Serialize(new { content = Text }, MessagingJson.Options);
    }

    public object WebhookBody(IReadOnlyList<string> atUserIds)
    {
        var at = new { atUserIds };
        if (IsActionCard)
        {
            // btnOrientation "1": side by side, as 受理 | 办结 read best.
            var btns = Links.Select(l => new { title = l.Title, actionURL = l.Url }).ToList();
            return new { msgtype = "actionCard", actionCard = new { title = Title, text = Text, btnOrientation = "1", btns }, at };
        }
        return IsMarkdown
            ? new { msgtype = "markdown", markdown = new { title = Title, text = Text }, at }
            : new { msgtype = "text", text = new { content = Text }, at };
    }

    /// <summary>Splits a long message into parts whose msgParam fits DingTalk's limit, on paragraph boundaries where
    /// possible; link buttons stay with the last part, after everything they act on.</summary>
    public IReadOnlyList<DingTalkMessage> SplitToLimit(int maxMsgParamBytes = MaxMsgParamBytes)
    {
        var overhead = ByteCount(this with { Text = "" });
        var parts = MessageSplitter.Split(Text, maxMsgParamBytes - overhead, EscapedByteCount);
        return parts.Select((part, i) => this with { Text = part, Links = i == parts.Count - 1 ? Links : [] }).ToList();
    }

    private static int ByteCount(DingTalkMessage message) => System.Text.Encoding.UTF8.GetByteCount(message.MsgParam());

    /// <summary>Bytes a text takes inside msgParam, after JSON escaping.</summary>
    private static int EscapedByteCount(string text) =>
        System.Text.Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(text, MessagingJson.Options)) - 2;
}
