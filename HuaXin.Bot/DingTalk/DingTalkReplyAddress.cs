using System.Text.Json;
using HuaXin.Bot.Messaging;

namespace HuaXin.Bot.DingTalk;

/// <summary>Where a DingTalk reply goes, stored with each queued turn and outbox item.
/// The session webhook is preferred while valid; the rest lets the OpenAPI reach the same person or group after it lapses.</summary>
public sealed record DingTalkReplyAddress(
    string ConversationId,
    string ConversationType,
    string? SessionWebhook,
    DateTimeOffset? SessionWebhookExpiresAt,
    string? SenderStaffId,
    string? RobotCode)
{
    public bool IsGroup => ConversationType == "2";

    public static DingTalkReplyAddress From(RobotMessage message) => new(
        message.ConversationId,
        message.ConversationType ?? "1",
        message.SessionWebhook,
        message.SessionWebhookExpiredTime is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        message.SenderStaffId,
        message.RobotCode);

    /// <summary>A department group reached only through the OpenAPI (proactive ticket notices).</summary>
    public static DingTalkReplyAddress Group(string openConversationId) => new(openConversationId, "2", null, null, null, null);

    public string ToJson() => JsonSerializer.Serialize(this, MessagingJson.Options);

    public static DingTalkReplyAddress FromJson(string json) =>
        JsonSerializer.Deserialize<DingTalkReplyAddress>(json, MessagingJson.Options)
        ?? throw new PermanentDeliveryException("Empty DingTalk address.");
}
