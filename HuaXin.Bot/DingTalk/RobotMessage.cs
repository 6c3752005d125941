using System.Text.Json;

namespace HuaXin.Bot.DingTalk;

/// <summary>A robot message as DingTalk delivers it, by HTTP callback or inside a Stream CALLBACK frame.
/// Only the fields the bot uses; unknown fields are ignored.</summary>
public sealed record RobotMessage(
    string MsgId,
    string Msgtype,
    string ConversationId,
    string? ConversationType,
    string? ConversationTitle,
    string? SenderStaffId,
    string? SenderId,
    string? SenderNick,
    string? SessionWebhook,
    long? SessionWebhookExpiredTime,
    long? CreateAt,
    string? RobotCode,
    RobotText? Text,
    JsonElement? Content)
{
    /// <summary>"2" is a group chat; anything else (normally "1") a one-to-one chat.</summary>
    public bool IsGroup => ConversationType == "2";

    /// <summary>The sender's staff id; <see cref="SenderId"/> (encrypted, but stable) only when no staff id is given.</summary>
    public string SenderKey => SenderStaffId ?? SenderId ?? "";
}

public sealed record RobotText(string? Content);
