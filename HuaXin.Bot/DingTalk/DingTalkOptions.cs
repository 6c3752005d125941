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

    /// <summary>WebSocket-level keep-alive so a dead connection is noticed and replaced.</summary>
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(8);

    public bool IsAdmin(string? staffId) => staffId is not null && Admins.Contains(staffId, StringComparer.Ordinal);
}

public enum DingTalkMode
{
    Off,
    Callback,
    Stream,
}
