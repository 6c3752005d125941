using System.Text.Json;
using System.Text.RegularExpressions;

namespace HuaXin.Bot.DingTalk;

/// <summary>Turns a robot message body into <see cref="RobotMessage"/> and extracts what the user said.</summary>
public static partial class RobotMessageParser
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

    /// <summary>The user's words: text content, or the speech transcript of an audio message; null for pictures, files and the like.
    /// A leading @mention (DingTalk leaves a space, sometimes the name) and surrounding whitespace are removed.</summary>
    public static string? ExtractText(RobotMessage message)
    {
        var raw = message.Msgtype switch
        {
            "text" => message.Text?.Content,
            "audio" => Recognition(message.Content),
            _ => null,
        };
        if (raw is null)
        {
            return null;
        }
        var text = LeadingMentions().Replace(raw, "").Trim();
        return text.Length == 0 ? null : text;
    }

    private static string? Recognition(JsonElement? content) =>
        content is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("recognition", out var r) && r.ValueKind == JsonValueKind.String
            ? r.GetString()
            : null;

    [GeneratedRegex(@"^(\s*@\S+)*\s*")]
    private static partial Regex LeadingMentions();
}

public sealed class RobotMessageFormatException(string message) : Exception(message);
