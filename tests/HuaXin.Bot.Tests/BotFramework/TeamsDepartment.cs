using HuaXin.Bot.BotFramework;
using HuaXin.Bot.BotFramework.Connector;
using HuaXin.Bot.Core;
using HuaXin.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>The real host whose 集团工会 receives its tickets in a Teams channel served by a <see cref="FakeConnector"/>.</summary>
public static class TeamsDepartment
{
    public static async Task<HuaXinAppFactory> StartAsync(FakeConnector connector)
    {
        var channel = new BotAddress(connector.BaseUrl, ChannelNames.Teams, ConversationId: null, BotId: "28:bot", TenantId: "tenant-1",
            TeamsChannelId: "19:union@thread.tacv2");
        var app = new HuaXinAppFactory(settings: new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestTokens.AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
            ["Bot:TokenEndpoint"] = connector.BaseUrl + "token",
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Departments:Destinations:集团工会:0:Channel"] = ChannelNames.Teams,
            ["Departments:Destinations:集团工会:0:Address"] = channel.ToJson(),
        });
        // The channel's serviceUrl arrived in a validated token earlier (the bot was installed there).
        await app.Services.GetRequiredService<TrustedServiceUrls>().TrustAsync(connector.BaseUrl, default);
        return app;
    }

    /// <summary>Waits until <paramref name="done"/>; the bound only guards against a hang (the outbox polls every 200 ms).</summary>
    public static async Task WaitAsync(Func<bool> done)
    {
        using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!done())
        {
            await Task.Delay(100, hang.Token);
        }
    }
}
