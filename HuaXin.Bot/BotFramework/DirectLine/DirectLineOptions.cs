using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Settings under "DirectLine" for the Direct Line 3.0 endpoints and the family web page.</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string Section = "DirectLine";

    /// <summary>Secrets that server-side callers may use on tokens/generate and POST conversations. The web page never
    /// needs one: it gets a token from /api/webchat/token. Empty means secrets are not accepted at all.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>HMAC-SHA256 key for tokens (at least 32 characters). When absent a random key is generated once and kept
    /// in the database, so tokens survive restarts and are accepted by every instance sharing that database.</summary>
    public string? TokenSigningKey { get; set; }

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Lifetime of the token embedded in a streamUrl. Short, because URLs end up in logs; clients fetch a
    /// fresh streamUrl through GET conversations/{id} whenever they reconnect.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan StreamTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the family page's device identity (an HttpOnly cookie) lasts after the last visit; every visit
    /// renews it. Browsers keep a cookie at most 400 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "400.00:00:00")]
    public TimeSpan DeviceLifetime { get; set; } = TimeSpan.FromDays(400);

    /// <summary>Largest accepted activity body in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>Most activities returned by one GET activities call; the client pages on with the watermark.</summary>
    [Range(1, 1000)]
    public int PageSize { get; set; } = 100;

    /// <summary>How often an open WebSocket sends an empty keep-alive frame.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an open WebSocket checks the database, catching activities appended by another instance.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Required]
    public string BotId { get; set; } = "huaxin-bot";

    [Required]
    public string BotName { get; set; } = "华新职工家庭服务";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TokenSigningKey is { Length: < 32 })
        {
            yield return new ValidationResult("DirectLine:TokenSigningKey must be at least 32 characters.", [nameof(TokenSigningKey)]);
        }
        if (Secrets.Any(s => s.Length < 16))
        {
            yield return new ValidationResult("Each DirectLine:Secrets entry must be at least 16 characters.", [nameof(Secrets)]);
        }
    }
}
