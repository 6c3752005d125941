using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Security;

/// <summary>Settings under "RateLimits". Token buckets: a burst, then a steady rate per minute. Generous on purpose:
/// they stop floods and scripted abuse, not a family typing quickly.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Per sender, counted once the channel has verified it (Bot Framework from.id, DingTalk sender in both
    /// modes, /api/chat userId, a Direct Line token's user); applies on every address, loopback included.</summary>
    [Range(1, 1_000_000)]
    public int UserPermitsPerMinute { get; set; } = 60;

    [Range(1, 1_000_000)]
    public int UserBurst { get; set; } = 30;

    /// <summary>Per client IP for everything a browser or an integration calls directly.</summary>
    [Range(1, 1_000_000)]
    public int IpPermitsPerMinute { get; set; } = 600;

    [Range(1, 1_000_000)]
    public int IpBurst { get; set; } = 200;

    /// <summary>Per IP on the platform callbacks (/api/messages, /api/dingtalk/callback): all of Teams or DingTalk
    /// arrives from a few of the platform's addresses, so only a flood is refused there.</summary>
    [Range(1, 10_000_000)]
    public int PlatformIpPermitsPerMinute { get; set; } = 6000;

    /// <summary>Loopback skips the per-IP limits (the per-user ones still apply): local tools and a same-host reverse
    /// proxy. Behind a proxy, configure forwarded headers so the client's address is the one limited.</summary>
    public bool ExemptLoopback { get; set; } = true;
}
