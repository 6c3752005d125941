using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HuaXin.Bot.BotFramework.Authentication;

/// <param name="TrustedServiceUrl">The serviceUrl this token vouches for, to which the bot may send its own token.</param>
/// <param name="MayExpectReplies">The caller may ask for the turn's replies in the HTTP response (deliveryMode
/// expectReplies): the bot itself or an allowed caller (a skill host, a test client), or a local unauthenticated caller.
/// Channel traffic gets its replies through the Connector at the serviceUrl its token vouches for.</param>
public sealed record BotAuthResult(bool Succeeded, string? Failure = null, string? TrustedServiceUrl = null, bool MayExpectReplies = false)
{
    public static BotAuthResult Fail(string reason) => new(false, reason);
}

/// <summary>Checks the bearer token a channel sends with each activity, as the Bot Framework specifies: signed by a key
/// from the issuer's metadata, issuer and audience (the App ID), lifetime with 5 minutes skew, the <c>serviceurl</c>
/// claim equal to the activity's serviceUrl and the key endorsed for the activity's channel. Entra tokens (emulator,
/// single-tenant, skills) must name the bot itself or an allowed caller as their app (appid/azp), as the SDK's
/// JwtTokenValidation requires: their audience alone only says the token is for this bot, not who asked for it.</summary>
public sealed class BotAuthenticator(
    BotSigningKeys keys,
    DevelopmentAuthentication development,
    IOptions<BotOptions> options,
    ILogger<BotAuthenticator> logger)
{
    private static readonly string[] EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];
    private readonly BotOptions _options = options.Value;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<BotAuthResult> AuthenticateAsync(HttpContext context, Activity activity, CancellationToken cancellationToken)
    {
        if (!_options.IsAuthenticationConfigured)
        {
            var local = development.Authenticate(context, activity);
            if (!local.Succeeded)
            {
                logger.LogWarning("Rejected unauthenticated Bot Framework call: {Reason}", local.Failure);
            }
            return local;
        }
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail("missing bearer token");
        }
        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return BotAuthResult.Fail("malformed token");
        }
        var issuer = _handler.ReadJsonWebToken(token).Issuer;
        var result = issuer == BotOptions.BotFrameworkIssuer
            ? await ValidateChannelTokenAsync(token, activity, cancellationToken)
            : EntraIssuers().Contains(issuer)
                ? await ValidateEntraTokenAsync(token, issuer, activity, cancellationToken)
                : BotAuthResult.Fail($"untrusted issuer '{issuer}'");
        if (!result.Succeeded)
        {
            logger.LogWarning("Rejected Bot Framework call for channel {ChannelId}: {Reason}", activity.ChannelId, result.Failure);
        }
        return result;
    }

    private async Task<BotAuthResult> ValidateChannelTokenAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var (validated, config, failure) = await ValidateAsync(token, keys.BotFramework, [BotOptions.BotFrameworkIssuer], cancellationToken);
        if (validated is null)
        {
            return BotAuthResult.Fail(failure!);
        }
        var serviceUrl = validated.Claims.FirstOrDefault(c => c.Type == "serviceurl")?.Value;
        if (string.IsNullOrEmpty(serviceUrl) || !ServiceUrls.AreEqual(serviceUrl, activity.ServiceUrl))
        {
            return BotAuthResult.Fail("serviceurl claim does not match the activity's serviceUrl");
        }
        var key = config!.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == validated.Kid);
        if (key is null || string.IsNullOrEmpty(activity.ChannelId) || !Endorsements(key).Contains(activity.ChannelId, StringComparer.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail($"signing key not endorsed for channel '{activity.ChannelId}'");
        }
        return new BotAuthResult(true, TrustedServiceUrl: serviceUrl);
    }

    private async Task<BotAuthResult> ValidateEntraTokenAsync(string token, string issuer, Activity activity, CancellationToken cancellationToken)
    {
        var (validated, _, failure) = await ValidateAsync(token, keys.Entra, [issuer], cancellationToken);
        if (validated is null)
        {
            return BotAuthResult.Fail(failure!);
        }
        // The app that asked for the token: "appid" in v1 tokens, "azp" in v2. Any app of the tenant can get a token for
        // our audience; only the bot itself (the emulator signs in as it) and configured callers may talk to it.
        var caller = Claim(validated, Claim(validated, "ver") == "2.0" ? "azp" : "appid");
        if (caller is null || !_options.AllowedCallerIds.Contains(caller, StringComparer.OrdinalIgnoreCase))
        {
            return BotAuthResult.Fail($"token was issued to app '{caller}', which is not this bot or an allowed caller");
        }
        // Entra tokens carry no serviceurl claim: only the emulator on this machine is trusted to receive replies.
        var emulator = EmulatorTenants.Any(t => issuer.Contains(t, StringComparison.OrdinalIgnoreCase));
        var trusted = emulator && ServiceUrls.IsLoopback(activity.ServiceUrl) ? activity.ServiceUrl : null;
        return new BotAuthResult(true, TrustedServiceUrl: trusted, MayExpectReplies: true);
    }

    private async Task<(JsonWebToken? Token, OpenIdConnectConfiguration? Config, string? Failure)> ValidateAsync(
        string token, SigningKeySource source, string[] issuers, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration config;
        TokenValidationResult result;
        try
        {
            config = await source.GetAsync(cancellationToken);
            result = await _handler.ValidateTokenAsync(token, Parameters(config, issuers));
            if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // A key id we have not seen: the issuer may have rolled its keys since the last fetch.
                config = await source.RefreshAsync(cancellationToken);
                result = await _handler.ValidateTokenAsync(token, Parameters(config, issuers));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not load the signing keys from {MetadataAddress}", source.MetadataAddress);
            return (null, null, "signing keys unavailable");
        }
        return result.IsValid
            ? ((JsonWebToken)result.SecurityToken, config, null)
            : (null, null, result.Exception?.GetType().Name ?? "invalid token");
    }

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration config, string[] issuers) => new()
    {
        ValidIssuers = issuers,
        ValidAudience = _options.MicrosoftAppId,
        IssuerSigningKeys = config.SigningKeys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512],
        ClockSkew = TimeSpan.FromMinutes(5),
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
    };

    private HashSet<string> EntraIssuers()
    {
        var issuers = new HashSet<string>(StringComparer.Ordinal);
        var tenants = new List<string>();
        if (_options.EnableEmulatorTokens)
        {
            tenants.AddRange(EmulatorTenants);
        }
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId))
        {
            tenants.Add(_options.MicrosoftAppTenantId);
        }
        foreach (var tenant in tenants)
        {
            issuers.Add($"https://sts.windows.net/{tenant}/");
            issuers.Add($"https://login.microsoftonline.com/{tenant}/v2.0");
        }
        return issuers;
    }

    private static string? Claim(JsonWebToken token, string type) => token.Claims.FirstOrDefault(c => c.Type == type)?.Value;

    /// <summary>The non-standard "endorsements" array of a Bot Framework JWK: the channels the key may sign for.</summary>
    private static IEnumerable<string> Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return [];
        }
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => e.ToString()),
            string single => [single],
            IEnumerable items => items.Cast<object?>().Select(i => i?.ToString() ?? ""),
            _ => [],
        };
    }
}
