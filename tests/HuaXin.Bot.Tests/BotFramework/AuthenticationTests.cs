using Microsoft.Extensions.DependencyInjection;
using System.Net;
using HuaXin.Bot.BotFramework;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Every way a channel token can be wrong is refused with 401 and nothing is processed.</summary>
public sealed class AuthenticationTests(AuthenticationTests.Host host) : IClassFixture<AuthenticationTests.Host>
{
    public sealed class Host : IDisposable
    {
        public BotAppFactory App { get; } = new();
        public void Dispose() => App.Dispose();
    }

    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    public static TheoryData<string> BadTokens() =>
        ["expired", "wrong audience", "wrong issuer", "wrong serviceurl", "missing endorsement", "bad signature", "missing header", "not a jwt"];

    private static string? TokenFor(string @case) => @case switch
    {
        "expired" => TestTokens.Create(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
        "wrong audience" => TestTokens.Create(ServiceUrl, audience: "11111111-2222-3333-4444-555555555555"),
        "wrong issuer" => TestTokens.Create(ServiceUrl, issuer: "https://api.botframework.example"),
        "wrong serviceurl" => TestTokens.Create("https://evil.example/amer/"),
        "missing endorsement" => TestTokens.Create(ServiceUrl, key: TestTokens.SkypeOnlyKey, keyId: "skype-key"),
        "bad signature" => TestTokens.Create(ServiceUrl, key: TestTokens.RogueKey),
        "missing header" => null,
        "not a jwt" => "abc.def",
        _ => throw new ArgumentOutOfRangeException(nameof(@case)),
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_401_and_nothing_is_processed(string @case)
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "auth-" + @case;

        var response = await host.App.CreateClient().PostActivityAsync(activity, TokenFor(@case));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(host.App.Inbound.Accepted.Keys, k => k.EndsWith("auth-" + @case));
        Assert.DoesNotContain(host.App.Bot.Turns, t => t.ConversationId == activity["conversation"]!["id"]!.GetValue<string>() && t.Text == "auth-" + @case);
    }

    [Fact]
    public async Task Valid_token_is_accepted_within_clock_skew_and_serviceurl_is_trusted()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "auth-valid";
        // Expired two minutes ago: inside the five minutes of allowed clock skew.
        var token = TestTokens.Create(ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-2));

        var response = await host.App.CreateClient().PostActivityAsync(activity, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(host.App.Inbound.Accepted.ContainsKey("msteams:auth-valid"));
        var trusted = host.App.Services.GetRequiredService<HuaXin.Bot.BotFramework.Connector.TrustedServiceUrls>();
        Assert.True(await trusted.IsTrustedAsync("https://SMBA.trafficmanager.net/amer", CancellationToken.None));
    }

    [Fact]
    public async Task Token_for_another_channel_than_the_activity_is_refused()
    {
        var activity = Fixtures.Load("teams-personal-message.json");
        activity["id"] = "auth-skype";
        activity["channelId"] = "skype";
        var tokenFromTeamsKeyForSkype = TestTokens.Create(ServiceUrl);

        var response = await host.App.CreateClient().PostActivityAsync(activity, tokenFromTeamsKeyForSkype);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(host.App.Inbound.Accepted.ContainsKey("skype:auth-skype"));
    }
}
