using HuaXin.Bot.Security;

namespace HuaXin.Bot.BotFramework.Authentication;

/// <summary>Decides whether an activity may be taken without authentication (no App ID configured): like the SDKs, for
/// local development with the emulator or a load tool, so only from a caller on this machine that did not come through
/// the reverse proxy, and only with a loopback serviceUrl, so the bot never posts anywhere else on such a caller's word.
/// A deployment without Teams therefore stays closed without any Bot setting.</summary>
public sealed class DevelopmentAuthentication(ILogger<DevelopmentAuthentication> logger)
{
    private int _warned;

    public BotAuthResult Authenticate(HttpContext context, Activity activity)
    {
        if (!LocalCaller.IsDirect(context))
        {
            return BotAuthResult.Fail("no App ID configured: only callers on this machine, not through a proxy, are served");
        }
        if (!ServiceUrls.IsLoopback(activity.ServiceUrl))
        {
            return BotAuthResult.Fail("no App ID configured: only loopback serviceUrls are answered");
        }
        if (Interlocked.Exchange(ref _warned, 1) == 0)
        {
            logger.LogWarning("Bot:MicrosoftAppId is not set: /api/messages serves local unauthenticated callers (emulator, load tool). Configure the App ID for Teams, or set Bot:Enabled=false.");
        }
        return new BotAuthResult(true, MayExpectReplies: true);
    }
}
