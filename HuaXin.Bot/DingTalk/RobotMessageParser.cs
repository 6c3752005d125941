using System.Text.Json;

namespace HuaXin.Bot.DingTalk;

/// <summary>Turns a robot message body into <see cref="RobotMessage"/> and extracts what the user said.</summary>
public static class RobotMessageParser
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Parses the JSON body; throws <see cref="RobotMessageFormatException"/> with a reason a caller can show.</summary>
    public static RobotMessage Parse(ReadOnlySpan<byte> json)
    {
        RobotMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<RobotMessage>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new RobotMessageFormatException($"The body is not a valid robot message: {e.Message}");
        }
        if (message is null || string.IsNullOrWhiteSpace(message.MsgId) || string.IsNullOrWhiteSpace(message.Msgtype)
            || string.IsNullOrWhiteSpace(message.ConversationId))
        {
            throw new RobotMessageFormatException("A robot message needs msgId, msgtype and conversationId.");
        }
        if (!IsUnixMilliseconds(message.CreateAt) || !IsUnixMilliseconds(message.SessionWebhookExpiredTime))
        {
            throw new RobotMessageFormatException("createAt and sessionWebhookExpiredTime must be Unix times in milliseconds.");
        }
        return message;
    }

    private static bool IsUnixMilliseconds(long? value) =>
        value is null || (value >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && value <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds());

    /// <summary>The user's words: text content, the text parts of a rich-text message, or the speech transcript of an audio
    /// message; null for pictures, files and the like. Leading @mentions and surrounding whitespace are removed: the robot's
    /// own (<paramref name="robotName"/>), however the text goes on, and any other up to the space DingTalk writes after a
    /// mention; "@张三请帮忙看看" has no such space, so it is the user's text, not a mention to drop.</summary>
    public static string? ExtractText(RobotMessage message, string? robotName = null)
    {
        var raw = message.Msgtype switch
        {
            "text" => message.Text?.Content,
            "richText" => RichText(message.Content),
            "audio" => Recognition(message.Content),
            _ => null,
        };
        if (raw is null)
        {
            return null;
        }
        var text = WithoutLeadingMentions(raw, robotName);
        return text.Length == 0 ? null : text;
    }

    private static string WithoutLeadingMentions(string text, string? robotName)
    {
        var rest = text.Trim();
        while (rest.StartsWith('@'))
        {
            if (!string.IsNullOrEmpty(robotName) && rest.AsSpan(1).StartsWith(robotName, StringComparison.Ordinal))
            {
                rest = rest[(1 + robotName.Length)..].TrimStart();
                continue;
            }
            var end = rest.AsSpan().IndexOfAny(MentionEnd);
            if (end < 0)
            {
                break;
            }
            rest = rest[end..].TrimStart();
        }
        return rest;
    }

    // Spaces DingTalk clients put after a mention (U+2005 four-per-em space among them).
    private static readonly System.Buffers.SearchValues<char> MentionEnd = System.Buffers.SearchValues.Create(" \t\r\n\u00A0\u2005\u3000");

    /// <summary>content.richText is a list of parts: {"text": …} or a picture ({"type":"picture","downloadCode": …}).</summary>
    private static string? RichText(JsonElement? content)
    {
        if (content is not { ValueKind: JsonValueKind.Object } c || !c.TryGetProperty("richText", out var parts) || parts.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        var text = string.Concat(parts.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString()));
        return text.Length == 0 ? null : text;
    }

    private static string? Recognition(JsonElement? content) =>
        content is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("recognition", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString()
            : null;

}

public sealed class RobotMessageFormatException(string message) : Exception(message);
