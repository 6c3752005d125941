using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.Authentication;

/// <summary>Decides whether the bot may run without authentication (no App ID configured): like the SDKs, for local
/// development with the emulator, but only while the server listens on loopback alone or when explicitly allowed,
/// so a forgotten setting can't open a public endpoint.</summary>
public sealed class DevelopmentAuthentication(IServer server, IOptions<BotOptions> options, ILogger<DevelopmentAuthentication> logger)
{
    private int _warned;

    public bool IsAllowed()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var loopbackOnly = addresses.Count > 0 && addresses.All(ServiceUrls.IsLoopback);
        var allowed = options.Value.AllowUnauthenticated || loopbackOnly;
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            if (allowed)
            {
                logger.LogWarning("Bot:MicrosoftAppId is not set: /api/messages accepts unauthenticated calls ({Reason}). Configure the App ID before going live.",
                    options.Value.AllowUnauthenticated ? "Bot:AllowUnauthenticated" : "listening on loopback only");
            }
            else
            {
                logger.LogError("Bot:MicrosoftAppId is not set and the server is reachable beyond loopback: every /api/messages call is refused.");
            }
        }
        return allowed;
    }
}
