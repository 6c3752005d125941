using System.Text.Json;
using System.Text.Json.Nodes;

namespace HuaXin.Bot.BotFramework;

/// <summary>Where a Bot Framework message goes (the outbox's opaque address for channel "msteams" / "botframework").</summary>
/// <param name="ConversationId">Existing conversation; null with <see cref="TeamsChannelId"/> (new thread in a Teams channel)
/// or with <see cref="UserId"/> + <see cref="TenantId"/> (new 1:1 chat) to start a conversation proactively.</param>
/// <param name="ReplyToId">Activity being answered: replies stay in the Teams thread that asked.</param>
/// <param name="UpdateActivityId">Set to replace a message the bot sent earlier (a ticket card after its status changed).</param>
/// <param name="IsGroup">The conversation has more members than the user (group chat, channel).</param>
public sealed record BotAddress(
    string ServiceUrl,
    string ChannelId,
    string? ConversationId,
    string? BotId = null,
    string? BotName = null,
    string? UserId = null,
    string? UserName = null,
    string? ReplyToId = null,
    string? TenantId = null,
    string? TeamsChannelId = null,
    string? UpdateActivityId = null,
    string? Locale = null,
    bool? IsGroup = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, BotJson.Options);

    public static BotAddress Parse(string json) =>
        JsonSerializer.Deserialize<BotAddress>(json, BotJson.Options) ?? throw new JsonException("Empty Bot Framework address.");

    /// <summary>The address for answers to <paramref name="activity"/>.</summary>
    public static BotAddress ReplyTo(Activity activity) => new(
        ServiceUrl: activity.ServiceUrl!,
        ChannelId: activity.ChannelId!,
        ConversationId: activity.Conversation?.Id,
        BotId: activity.Recipient?.Id,
        BotName: activity.Recipient?.Name,
        UserId: activity.From?.Id,
        UserName: activity.From?.Name,
        ReplyToId: activity.Id,
        // channelData is free-form: anything but {"tenant":{"id":"…"}} means no tenant, not a failed request.
        TenantId: activity.Conversation?.TenantId ?? ChannelDataTenant(activity),
        Locale: activity.Locale,
        IsGroup: activity.Conversation?.IsGroup is true || activity.Conversation?.ConversationType is "groupChat" or "channel" ? true : null);

    private static string? ChannelDataTenant(Activity activity) =>
        ((activity.ChannelData as JsonObject)?["tenant"] as JsonObject)?["id"] is JsonValue id && id.TryGetValue<string>(out var tenant) ? tenant : null;
}
