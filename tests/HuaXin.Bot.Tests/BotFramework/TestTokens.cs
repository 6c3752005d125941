using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Test signing keys published the way login.botframework.com does (JWKS with "endorsements"),
/// and real RS256 tokens signed with them.</summary>
public static class TestTokens
{
    public const string AppId = "0e3ad1c4-6b5e-4a55-9d7a-1c2b3a4d5e6f";
    public const string MetadataUrl = "https://login.test/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "https://login.test/v1/.well-known/keys";
    public const string EntraMetadataUrl = "https://entra.test/common/v2.0/.well-known/openid-configuration";
    public const string EntraJwksUrl = "https://entra.test/common/discovery/v2.0/keys";

    /// <summary>The bot's tenant (single-tenant bot); another app registered there may get tokens for the bot's audience.</summary>
    public const string Tenant = "3f0e6a1b-7c2d-4e5f-8a9b-0c1d2e3f4a5b";

    /// <summary>Published, endorsed for Teams, the emulator and Web Chat.</summary>
    public static readonly RSA ChannelKey = RSA.Create(2048);

    /// <summary>Published, but endorsed only for another channel.</summary>
    public static readonly RSA SkypeOnlyKey = RSA.Create(2048);

    /// <summary>Never published: a token signed with it must fail even when it claims a published key id.</summary>
    public static readonly RSA RogueKey = RSA.Create(2048);

    /// <summary>Published after <see cref="FakeOpenIdHandler.RollKeys"/>: the issuer rolled its keys.</summary>
    public static readonly RSA RolledKey = RSA.Create(2048);

    /// <summary>Entra's signing key, for tokens of the bot's tenant.</summary>
    public static readonly RSA EntraKey = RSA.Create(2048);

    public static string Metadata() => new JsonObject
    {
        ["issuer"] = BotOptions.BotFrameworkIssuer,
        ["jwks_uri"] = JwksUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    }.ToJsonString();

    public static string Jwks(bool rolled = false)
    {
        var keys = new JsonArray(Jwk("channel-key", ChannelKey, "msteams", "emulator", "webchat"), Jwk("skype-key", SkypeOnlyKey, "skype"));
        if (rolled)
        {
            keys.Add(Jwk("rolled-key", RolledKey, "msteams"));
        }
        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    public static string EntraMetadata() => new JsonObject
    {
        ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
        ["jwks_uri"] = EntraJwksUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    }.ToJsonString();

    public static string EntraJwks() => new JsonObject { ["keys"] = new JsonArray(Jwk("entra-key", EntraKey)) }.ToJsonString();

    /// <summary>An Entra token for the bot's audience, issued in the bot's tenant to <paramref name="callerAppId"/>
    /// ("azp" in v2 tokens, "appid" in v1): what a skill host, a test client or any other app of the tenant can get.</summary>
    public static string CreateEntra(string callerAppId, string version = "2.0")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = version == "2.0" ? $"https://login.microsoftonline.com/{Tenant}/v2.0" : $"https://sts.windows.net/{Tenant}/",
            Audience = AppId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["ver"] = version, [version == "2.0" ? "azp" : "appid"] = callerAppId, ["tid"] = Tenant },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(EntraKey) { KeyId = "entra-key" }, SecurityAlgorithms.RsaSha256),
        });
    }

    public static string Create(
        string serviceUrl,
        string issuer = BotOptions.BotFrameworkIssuer,
        string audience = AppId,
        RSA? key = null,
        string keyId = "channel-key",
        DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        var exp = expires ?? now.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? ChannelKey) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
        });
    }

    private static JsonObject Jwk(string kid, RSA rsa, params string[] endorsements)
    {
        var p = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
        };
    }
}

/// <summary>Answers the OpenID metadata and JWKS requests of the host's signing-key client.</summary>
public sealed class FakeOpenIdHandler : HttpMessageHandler
{
    public int Requests;
    public int JwksRequests;
    private int _rolled;

    /// <summary>From now on the JWKS also holds <see cref="TestTokens.RolledKey"/>.</summary>
    public void RollKeys() => Interlocked.Exchange(ref _rolled, 1);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Requests);
        if (request.RequestUri!.ToString() == TestTokens.JwksUrl)
        {
            Interlocked.Increment(ref JwksRequests);
        }
        var body = request.RequestUri!.ToString() switch
        {
            TestTokens.MetadataUrl => TestTokens.Metadata(),
            TestTokens.JwksUrl => TestTokens.Jwks(Volatile.Read(ref _rolled) == 1),
            TestTokens.EntraMetadataUrl => TestTokens.EntraMetadata(),
            TestTokens.EntraJwksUrl => TestTokens.EntraJwks(),
            _ => null,
        };
        return Task.FromResult(body is null
            ? new HttpResponseMessage(System.Net.HttpStatusCode.NotFound)
            : new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
    }
}
