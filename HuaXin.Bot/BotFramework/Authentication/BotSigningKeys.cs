using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.Authentication;

/// <summary>The signing keys of the two token issuers a bot accepts, fetched from their OpenID metadata and refreshed
/// automatically (every 12 h; the Bot Framework asks for at least daily) or on demand when an unknown key id shows up.</summary>
public sealed class BotSigningKeys
{
    public const string HttpClientName = "BotFramework.OpenId";

    public BotSigningKeys(IHttpClientFactory httpClientFactory, IOptions<BotOptions> options)
    {
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = true };
        BotFramework = Create(options.Value.OpenIdMetadataUrl, retriever);
        Entra = Create(options.Value.EntraOpenIdMetadataUrl, retriever);
    }

    /// <summary>Keys of https://api.botframework.com, each with the channels it is endorsed for.</summary>
    public ConfigurationManager<OpenIdConnectConfiguration> BotFramework { get; }

    /// <summary>Keys of Microsoft Entra (emulator and single-tenant tokens).</summary>
    public ConfigurationManager<OpenIdConnectConfiguration> Entra { get; }

    private static ConfigurationManager<OpenIdConnectConfiguration> Create(string metadataUrl, HttpDocumentRetriever retriever) =>
        new(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = TimeSpan.FromMinutes(5),
        };
}
