using System.Net;

namespace HuaXin.Bot.BotFramework;

/// <summary>Comparison and normalisation of Bot Connector service URLs (and loopback checks of any URL).</summary>
public static class ServiceUrls
{
    /// <summary>Lower-case with one trailing slash, so "https://smba.trafficmanager.net/amer" and ".../amer/" are one URL.</summary>
    public static string Normalize(string serviceUrl) => serviceUrl.Trim().TrimEnd('/').ToLowerInvariant() + "/";

    public static bool AreEqual(string? a, string? b) =>
        a is not null && b is not null && Normalize(a) == Normalize(b);

    public static bool IsLoopback(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
