using System.Security.Cryptography;
using System.Text;

namespace HuaXin.Bot.DingTalk;

/// <summary>DingTalk's robot signature: Base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)).
/// Callbacks carry it raw in the "sign" header; custom-robot webhooks carry it URL-encoded.</summary>
public static class DingTalkSignature
{
    public static string Compute(string secret, long timestampMs)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, data));
    }

    /// <summary>Uppercase percent-escapes, as DingTalk and encodeURIComponent produce (HttpUtility.UrlEncode would not match).</summary>
    public static string ComputeUrlEncoded(string secret, long timestampMs) => Uri.EscapeDataString(Compute(secret, timestampMs));

    /// <summary>Checks the callback headers: a timestamp within <paramref name="window"/> before now and at most
    /// <paramref name="skew"/> after it, and a matching signature, compared in constant time so the check leaks nothing
    /// about the expected value.</summary>
    public static bool Verify(string secret, string? timestamp, string? sign, DateTimeOffset now, TimeSpan window, TimeSpan skew)
    {
        if (string.IsNullOrEmpty(sign) || !long.TryParse(timestamp, out var timestampMs))
        {
            return false;
        }
        var age = (double)now.ToUnixTimeMilliseconds() - timestampMs;
        if (age > window.TotalMilliseconds || -age > skew.TotalMilliseconds)
        {
            return false;
        }
        var expected = Encoding.UTF8.GetBytes(Compute(secret, timestampMs));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(sign));
    }
}
