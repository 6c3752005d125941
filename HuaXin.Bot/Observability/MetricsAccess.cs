using System.Security.Cryptography;
using System.Text;
using HuaXin.Bot.Security;

namespace HuaXin.Bot.Observability;

/// <summary>Who may read /metrics: with Observability:MetricsToken set, a scraper presenting it as a bearer token; without
/// it, only a client on this machine that did not come through a proxy. Queue depths and channel failures are for
/// operators, not for the public side of the reverse proxy, even when its configuration forgets to hide the path.</summary>
public static class MetricsAccess
{
    public static bool IsAllowed(HttpContext context, string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            var header = context.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()), Encoding.UTF8.GetBytes(token));
        }
        return LocalCaller.IsDirect(context);
    }
}
