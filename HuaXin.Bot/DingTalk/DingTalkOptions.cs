namespace HuaXin.Bot.DingTalk;

/// <summary>Settings under "DingTalk": how the robot receives messages and reaches the OpenAPI.</summary>
public sealed class DingTalkOptions
{
    public const string Section = "DingTalk";

    /// <summary>Callback needs a public URL; Stream needs only outbound access; Off disables the channel.</summary>
    public DingTalkMode Mode { get; set; } = DingTalkMode.Off;

    public string? AppKey { get; set; }

    /// <summary>Signs callbacks and obtains access tokens; never logged.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The robot's code for OpenAPI sends; for an enterprise internal robot it usually equals the AppKey.</summary>
    public string? RobotCode { get; set; }

    /// <summary>The robot's name as users @-mention it in groups (e.g. 华新助手): removed from the start of a message even
    /// when the user wrote on without a space ("@华新助手受理 HX-…").</summary>
    public string? RobotName { get; set; }

    /// <summary>Base of the OpenAPI and the Stream gateway; tests point it at a local fake.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.dingtalk.com");

    /// <summary>DingTalk's older API host, where a signed-in user's unionId is turned into their staff id.</summary>
    public Uri OapiBaseUrl { get; set; } = new("https://oapi.dingtalk.com");

    /// <summary>DingTalk's sign-in page, for "使用钉钉登录" on the staff console.</summary>
    public Uri LoginBaseUrl { get; set; } = new("https://login.dingtalk.com");

    /// <summary>Staff ids allowed to bind department groups.</summary>
    public string[] Admins { get; set; } = [];

    /// <summary>Callback bodies above this are refused with 413; real robot messages are a few KB.</summary>
    public int MaxCallbackBytes { get; set; } = 64 * 1024;

    /// <summary>DingTalk accepts a signed callback only within this distance from its timestamp.</summary>
    public TimeSpan CallbackTimestampWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How far a callback's timestamp may be ahead of this server's clock: clocks drift a little, but a
    /// signature made for a future time would otherwise stay replayable for longer than the window.</summary>
    public TimeSpan CallbackClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A session webhook this close to its expiry is not used: a reply could arrive after it lapses.</summary>
    public TimeSpan SessionWebhookMargin { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First delay of the OpenAPI retry (exponential with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>How long the OpenAPI circuit stays open after repeated throttling or errors.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First Stream reconnect delay; doubles per failed attempt (with jitter) up to <see cref="StreamReconnectMaxDelay"/>.</summary>
    public TimeSpan StreamReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StreamReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the Stream client pings DingTalk's gateway (WebSocket PING), as the official SDKs do.</summary>
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A ping unanswered this long means the connection is dead (a NAT or proxy dropped it without a word): it is
    /// aborted and replaced, instead of waiting ~15 minutes for TCP while DingTalk re-sends to nobody.</summary>
    public TimeSpan StreamPingTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsAdmin(string? staffId) => staffId is not null && Admins.Contains(staffId, StringComparer.Ordinal);

    /// <summary>True for a URL on DingTalk's own API hosts (<see cref="OapiBaseUrl"/>, <see cref="ApiBaseUrl"/>: scheme,
    /// host and port). A message's sessionWebhook is only called when it is: the body names it, and a body is no
    /// reason to post a reply (say, a binding code) anywhere else.</summary>
    public bool IsDingTalkHost(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && new[] { OapiBaseUrl, ApiBaseUrl }.Any(b => uri.Scheme == b.Scheme && string.Equals(uri.Host, b.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == b.Port);
}

public enum DingTalkMode
{
    Off,
    Callback,
    Stream,
}
