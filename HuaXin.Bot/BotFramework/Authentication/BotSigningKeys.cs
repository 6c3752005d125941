using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HuaXin.Bot.BotFramework.Authentication;

/// <summary>The signing keys of the two token issuers a bot accepts, fetched from their OpenID metadata and refreshed
/// automatically (every 12 h; the Bot Framework asks for at least daily) or at once when an unknown key id shows up.</summary>
public sealed class BotSigningKeys
{
    public const string HttpClientName = "BotFramework.OpenId";

    public BotSigningKeys(IHttpClientFactory httpClientFactory, IOptions<BotOptions> options, TimeProvider time)
    {
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = true };
        BotFramework = new SigningKeySource(options.Value.OpenIdMetadataUrl, retriever, time);
        Entra = new SigningKeySource(options.Value.EntraOpenIdMetadataUrl, retriever, time);
    }

    /// <summary>Keys of https://api.botframework.com, each with the channels it is endorsed for.</summary>
    public SigningKeySource BotFramework { get; }

    /// <summary>Keys of Microsoft Entra (emulator and single-tenant tokens).</summary>
    public SigningKeySource Entra { get; }
}

/// <summary>One issuer's metadata and keys.</summary>
public sealed class SigningKeySource(string metadataAddress, HttpDocumentRetriever retriever, TimeProvider time)
{
    /// <summary>At most one fetch on demand per this interval: tokens with made-up key ids must not become a flood of
    /// requests to the issuer.</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConfigurationManager<OpenIdConnectConfiguration> _manager = Create(metadataAddress, retriever);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public string MetadataAddress => metadataAddress;

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _manager).GetConfigurationAsync(cancellationToken);

    /// <summary>Fetches the keys now and waits for them (the issuer may have rolled its keys since the last fetch), unless
    /// that was done less than <see cref="MinRefreshInterval"/> ago; then the keys at hand.</summary>
    /// <remarks>ConfigurationManager.RequestRefresh only schedules a background refresh, so the token that showed the new
    /// key id would still fail; a fresh manager fetches before it answers.</remarks>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _refreshedAt >= MinRefreshInterval)
            {
                _refreshedAt = time.GetUtcNow();
                var fresh = Create(metadataAddress, retriever);
                var configuration = await fresh.GetConfigurationAsync(cancellationToken);
                Volatile.Write(ref _manager, fresh);
                return configuration;
            }
        }
        finally
        {
            _gate.Release();
        }
        return await GetAsync(cancellationToken);
    }

    private static ConfigurationManager<OpenIdConnectConfiguration> Create(string metadataUrl, HttpDocumentRetriever retriever) =>
        new(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
}
