using System.Text.Json;

namespace HuaXin.Bot.Security;

/// <summary>Finds who a request is from before the endpoint runs. The partitioner must be synchronous, so this
/// middleware peeks at the small JSON bodies of the channel endpoints first and leaves the body rewound for them.
/// The ids are unverified here; that is fine for a limit: a forged id only spends the forger's requests on a
/// request the endpoint then refuses (the per-IP limit still applies to direct callers).</summary>
public static class RateLimitKeys
{
    private const string ItemKey = "HuaXin.RateLimitUser";
    private const int MaxPeekBytes = 256 * 1024;

    public static string? User(HttpContext context) => context.Items.TryGetValue(ItemKey, out var key) ? key as string : null;

    public static async Task PeekAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path;
        if (path.StartsWithSegments("/v3/directline/conversations", out var rest) && rest.Value is { Length: > 1 } tail)
        {
            // The conversation belongs to one token's user; the id comes from the URL, so no body is read.
            var id = tail[1..].Split('/', 2)[0];
            context.Items[ItemKey] = "dl:" + id;
            return;
        }
        if (!HttpMethods.IsPost(request.Method) || request.ContentLength is not (> 0 and <= MaxPeekBytes))
        {
            return;
        }
        string[][]? userPaths = path.Value switch
        {
            "/api/messages" => [["from", "id"]],
            "/api/dingtalk/callback" => [["senderStaffId"], ["senderId"]],
            "/api/chat" => [["userId"]],
            _ => null,
        };
        if (userPaths is null)
        {
            return;
        }
        request.EnableBuffering(MaxPeekBytes);
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, context.RequestAborted);
            if (userPaths.Select(p => Find(document.RootElement, p)).FirstOrDefault(u => !string.IsNullOrEmpty(u)) is { Length: <= 200 } user)
            {
                context.Items[ItemKey] = $"{path.Value}:{user}";
            }
        }
        catch (JsonException)
        {
            // The endpoint answers malformed bodies itself.
        }
        finally
        {
            request.Body.Position = 0;
        }
    }

    private static string? Find(JsonElement element, string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
