using System.Net;
using System.Text.Json;

namespace HuaXin.Bot.DingTalk.OpenApi;

/// <summary>Recognises DingTalk's "slow down" answers, which are not always HTTP 429: the old API's QPS limit is errcode
/// 90002 in the body, the new API's (api.dingtalk.com) a 403 with code Forbidden.AccessDenied.QpsLimitForAppkeyAndApi
/// or …QpsLimitForApi, and the per-IP ban {"status":1111,"wait":5,"punish":"deny"} with no code at all.</summary>
public static class DingTalkThrottling
{
    public const int QpsLimitErrcode = 90002;
    public const int IpBanStatus = 1111;
    private static readonly string[] QpsLimitCodes = ["Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "Forbidden.AccessDenied.QpsLimitForApi"];

    /// <summary>True for throttling, bans and server errors: answers where waiting and trying again can succeed.</summary>
    public static async ValueTask<bool> IsTransientAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests || response.StatusCode == HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500)
        {
            return true;
        }
        return await IsThrottleBodyAsync(response);
    }

    public static async ValueTask<bool> IsThrottleBodyAsync(HttpResponseMessage response)
    {
        // Buffered, so the caller can still read the body after this look.
        await response.Content.LoadIntoBufferAsync();
        var body = await response.Content.ReadAsByteArrayAsync();
        return IsThrottleBody(body);
    }

    public static bool IsThrottleBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return false;
        }
        try
        {
            var reader = new Utf8JsonReader(body);
            using var doc = JsonDocument.ParseValue(ref reader);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (HasNumber(root, "errcode", QpsLimitErrcode) || HasNumber(root, "status", IpBanStatus)
                    || (root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && QpsLimitCodes.Contains(code.GetString())));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool HasNumber(JsonElement root, string name, int value) =>
        root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) && n == value;
}
