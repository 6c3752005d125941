using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.BotFramework;

/// <summary>Settings under "Bot": the Azure Bot registration and how strictly inbound calls are checked.</summary>
public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";

    /// <summary>False removes /api/messages altogether (404): for a deployment without Teams or other Bot Framework channels.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The bot's Microsoft App ID (Entra app registration). Empty = only local callers, unauthenticated (emulator, load tool).</summary>
    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Set for a single-tenant bot: outbound tokens come from this tenant and its Entra tokens are accepted inbound.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Where the Bot Framework channel service publishes its signing keys (with endorsements).</summary>
    [Required, Url]
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Signing keys of Microsoft Entra, for emulator and single-tenant tokens.</summary>
    [Required, Url]
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Client-credentials endpoint; empty = Entra's, for the tenant (single-tenant) or botframework.com (multi-tenant).</summary>
    [Url]
    public string? TokenEndpoint { get; set; }

    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Accepts Bot Framework Emulator tokens (Entra issuers of the emulator's tenants).</summary>
    public bool EnableEmulatorTokens { get; set; }

    /// <summary>App IDs besides the bot's own whose Entra tokens are accepted (skill hosts, test clients of the tenant).</summary>
    public string[] AllowedCallers { get; set; } = [];

    /// <summary>The apps an Entra token may have been issued to: the bot itself and <see cref="AllowedCallers"/>.</summary>
    public IEnumerable<string> AllowedCallerIds => string.IsNullOrWhiteSpace(MicrosoftAppId) ? AllowedCallers : [MicrosoftAppId, .. AllowedCallers];

    /// <summary>Largest accepted activity; Teams activities are at most about 100 KB.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Timeout of one Connector request attempt.</summary>
    public TimeSpan ConnectorAttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [Range(0, 10)]
    public int ConnectorMaxRetries { get; set; } = 4;

    /// <summary>First retry delay of the Connector client; grows exponentially with jitter. Retry-After wins when sent.</summary>
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Domains listed in the Teams app manifest (the bot's public host name).</summary>
    public string[] ValidDomains { get; set; } = [];

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public bool IsAuthenticationConfigured => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public string ResolvedTokenEndpoint => !string.IsNullOrWhiteSpace(TokenEndpoint)
        ? TokenEndpoint
        : $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(MicrosoftAppTenantId) ? "botframework.com" : MicrosoftAppTenantId)}/oauth2/v2.0/token";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsAuthenticationConfigured && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult("Bot:MicrosoftAppPassword is required when Bot:MicrosoftAppId is set.", [nameof(MicrosoftAppPassword)]);
        }
        if (!string.IsNullOrWhiteSpace(MicrosoftAppTenantId) && !Guid.TryParse(MicrosoftAppTenantId, out _))
        {
            yield return new ValidationResult("Bot:MicrosoftAppTenantId must be a tenant GUID.", [nameof(MicrosoftAppTenantId)]);
        }
        if (ConnectorAttemptTimeout <= TimeSpan.Zero || ConnectorRetryBaseDelay <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Bot:ConnectorAttemptTimeout and Bot:ConnectorRetryBaseDelay must be positive.");
        }
    }
}
