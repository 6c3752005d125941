using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace HuaXin.Bot.BotFramework;

/// <summary>The Bot Framework Activity (the subset this service reads and writes). Unknown fields are kept in
/// <see cref="Extra"/> so an activity passed through (e.g. echoed by Direct Line) loses nothing.
/// Serialize with <see cref="BotJson.Options"/>: validators reject explicit nulls.</summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? ReplyToId { get; init; }
    public string? Locale { get; init; }
    public string? TextFormat { get; init; }
    public string? Text { get; init; }
    /// <summary>Short plain text shown where the content can't be (notifications, activity feed).</summary>
    public string? Summary { get; init; }
    public string? InputHint { get; init; }
    public string? AttachmentLayout { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public SuggestedActions? SuggestedActions { get; init; }
    public IReadOnlyList<Entity>? Entities { get; init; }
    public JsonNode? ChannelData { get; init; }
    public JsonNode? Value { get; init; }
    public string? Name { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public string? DeliveryMode { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>Well-known values of <see cref="Activity.Type"/> and related fields.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Invoke = "invoke";
    public const string InvokeResponse = "invokeResponse";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";

    public const string ExpectReplies = "expectReplies";
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";
}

public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public bool? IsGroup { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonNode? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }
}

public sealed record SuggestedActions
{
    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    /// <summary>Recipient ids the actions are shown to; the schema requires the array even when empty.</summary>
    public IReadOnlyList<string> To { get; init; } = [];
}

/// <summary>A hero-card style action, as used by <see cref="SuggestedActions"/>.</summary>
public sealed record CardAction
{
    public string? Type { get; init; }
    public string? Title { get; init; }
    public string? Text { get; init; }
    public string? DisplayText { get; init; }
    public JsonNode? Value { get; init; }
}

/// <summary>An entity of any type (mention, clientInfo, …): only the mention fields are typed, the rest is kept.</summary>
public sealed record Entity
{
    public string? Type { get; init; }
    public ChannelAccount? Mentioned { get; init; }
    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}

/// <summary>The body of an expectReplies answer.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

/// <summary>Bot Connector answer to a send/reply/update.</summary>
public sealed record ResourceResponse(string? Id);

/// <summary>Serializer settings for the Bot Framework wire format.</summary>
public static class BotJson
{
    /// <summary>camelCase, case-insensitive reads, nulls omitted (validators reject <c>"locale": null</c>).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese as UTF-8, not \uXXXX (a third of the bytes); HTML-sensitive characters (<, >, &, ', ") stay escaped.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static Activity? Deserialize(string json) => JsonSerializer.Deserialize<Activity>(json, Options);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
