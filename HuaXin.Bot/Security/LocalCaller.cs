using System.Net;

namespace HuaXin.Bot.Security;

/// <summary>Whether a request comes from this machine itself rather than through the reverse proxy. Behind the README's
/// proxy every public request arrives from 127.0.0.1 too, so a loopback address alone proves nothing: the request must
/// also carry none of the headers a proxy adds, including those the forwarded-headers middleware leaves after it has
/// applied them (X-Original-*).</summary>
public static class LocalCaller
{
    private static readonly string[] ProxyHeaders =
    [
        "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Prefix", "Forwarded", "X-Real-IP",
        "X-Original-For", "X-Original-Proto", "X-Original-Host", "X-Original-Prefix",
    ];

    public static bool IsDirect(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (ProxyHeaders.Any(headers.ContainsKey))
        {
            return false;
        }
        // No address: an in-process or Unix-socket client, which only this machine can be.
        var remote = context.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote);
    }
}
