using System.Text.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Core;

namespace HuaXin.Bot.BotFramework;

/// <summary>Reads an activity from a request body with a size limit, and checks the fields a turn cannot do without.
/// Anything else is answered 400/413 and never processed.</summary>
public static class ActivityReader
{
    /// <summary>Replies echo parts of the activity (conversation, from) a few levels deeper than they came, and JSON is
    /// written at most 64 levels deep; real activities nest far less than this.</summary>
    public const int MaxDepth = 32;

    public sealed record ReadResult(Activity? Activity, IResult? Error);

    public static async Task<ReadResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, maxBytes, cancellationToken);
        if (body.Status == BodyStatus.TooLarge)
        {
            return TooLarge(maxBytes);
        }
        try
        {
            using var document = JsonDocument.Parse(body.Bytes, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowDuplicateProperties = false });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BadRequest("The body must be a JSON object (a Bot Framework Activity).");
            }
            var activity = document.RootElement.Deserialize<Activity>(BotJson.Options);
            if (string.IsNullOrWhiteSpace(activity?.Type))
            {
                return BadRequest("The body is not a Bot Framework Activity: 'type' is missing.");
            }
            return new ReadResult(activity, null);
        }
        catch (Exception e) when (BoundedBody.IsMalformedJson(e))
        {
            return BadRequest($"The body is not a valid Bot Framework Activity: {e.Message}");
        }
    }

    /// <summary>Returns what is wrong with an activity we would act on, or null.</summary>
    public static string? Validate(Activity activity)
    {
        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("https" or "http"))
        {
            return "'serviceUrl' must be an absolute http(s) URL.";
        }
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "'channelId' is required.";
        }
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "'conversation.id' is required.";
        }
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke)
        {
            if (string.IsNullOrWhiteSpace(activity.Id))
            {
                return "'id' is required: it is how a redelivered activity is recognised.";
            }
            if (string.IsNullOrWhiteSpace(activity.From?.Id))
            {
                return "'from.id' is required.";
            }
        }
        // Other ids only become hashed storage keys; the sender's id also reaches query parameters, which PostgreSQL
        // refuses when they hold NUL.
        if (activity.From?.Id is { } from && from.Any(char.IsControl))
        {
            return "'from.id' must not contain control characters.";
        }
        if (UnreadableField(activity) is { } field)
        {
            return $"'{field}' holds text that is not valid Unicode (a lone surrogate escape).";
        }
        return null;
    }

    /// <summary>The first of 'value' and 'channelData' holding a string that is not valid Unicode, or null: both are
    /// read later (card data, the client's activity id), where the failure would be a 500.</summary>
    public static string? UnreadableField(Activity activity) =>
        !IsReadable(activity.Value) ? "value" : !IsReadable(activity.ChannelData) ? "channelData" : null;

    // Strings inside a JsonNode are decoded only when read; read them all once here, where a failure is a 400.
    private static bool IsReadable(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                return o.All(p => IsReadable(p.Value));
            case JsonArray a:
                return a.All(IsReadable);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                try
                {
                    v.GetValue<string>();
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            default:
                return true;
        }
    }

    private static ReadResult BadRequest(string detail) =>
        new(null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid activity", detail: detail));

    private static ReadResult TooLarge(int maxBytes) =>
        new(null, Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large", detail: $"Activities larger than {maxBytes} bytes are refused."));
}
