using System.Net;
using System.Text.RegularExpressions;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>The README's first trial: Console:TrialOverHttp opens the console over plain HTTP from this machine only.</summary>
public sealed partial class ConsoleTrialTests
{
    private const string Password = "试用-密码-2026-足够长";

    [Fact]
    public async Task With_the_trial_setting_staff_sign_in_over_plain_HTTP_on_loopback_but_not_through_a_proxy()
    {
        await using var host = new HuaXinAppFactory(settings: new Dictionary<string, string?>
        {
            ["Console:TrialOverHttp"] = "true",
            ["Console:Accounts:0:UserName"] = "trial",
            ["Console:Accounts:0:PasswordHash"] = ConsoleAccounts.Hash(Password),
            ["Console:Accounts:0:Name"] = "试用员",
            ["Console:Accounts:0:Department"] = "集团工会",
        });
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = host.CreateClient(new() { BaseAddress = new Uri(address) });
        Assert.Equal("http", client.BaseAddress!.Scheme);

        var login = await client.GetStringAsync("/console/login");
        var token = Token().Match(login).Groups[1].Value;
        var signedIn = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "trial", ["password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.True(signedIn.IsSuccessStatusCode || signedIn.StatusCode == HttpStatusCode.Redirect);
        var board = await client.GetAsync("/console/tickets");
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Contains("集团工会工单", await board.Content.ReadAsStringAsync());

        var proxied = new HttpRequestMessage(HttpMethod.Get, "/console/login");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(proxied)).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
