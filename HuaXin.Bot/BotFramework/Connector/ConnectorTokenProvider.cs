using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.Connector;

/// <summary>The bot's own client-credentials token for the Bot Connector: fetched from Entra (multi-tenant via
/// botframework.com, single-tenant via the app's tenant), cached, and renewed five minutes before it expires so a send
/// never waits on Entra in the common case.</summary>
public sealed class ConnectorTokenProvider(IHttpClientFactory httpClientFactory, IOptions<BotOptions> options, TimeProvider time)
{
    public const string HttpClientName = "BotFramework.Token";
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && time.GetUtcNow() < hit.RenewAt)
        {
            return hit.Token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.RenewAt)
            {
                return again.Token;
            }
            var fresh = await RequestAsync(cancellationToken);
            _cached = fresh;
            return fresh.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached token, e.g. after the Connector answered 401.</summary>
    public void Invalidate() => _cached = null;

    private async Task<(string Token, DateTimeOffset RenewAt)> RequestAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.MicrosoftAppId!,
            ["client_secret"] = o.MicrosoftAppPassword!,
            ["scope"] = o.OAuthScope,
        });
        using var response = await httpClientFactory.CreateClient(HttpClientName).PostAsync(o.ResolvedTokenEndpoint, form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // Wrong credentials stay wrong; the outbox parks the message instead of retrying for hours.
            var permanent = (int)response.StatusCode is 400 or 401 or 403;
            throw new ConnectorException(response.StatusCode, "TokenRequestFailed", $"Token endpoint answered {(int)response.StatusCode}.", permanent);
        }
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new ConnectorException(response.StatusCode, "TokenRequestFailed", "Empty token response.", permanent: false);
        var lifetime = TimeSpan.FromSeconds(Math.Max(body.ExpiresIn, 60));
        var renewAt = time.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
        return (body.AccessToken, renewAt);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
