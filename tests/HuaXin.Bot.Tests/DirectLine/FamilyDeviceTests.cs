using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework.DirectLine;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.DirectLine;

/// <summary>The family page's lasting identity: a browser (one cookie jar) is the same user in every tab and on every
/// visit, and comes back to its conversation with whatever was sent there meanwhile.</summary>
public sealed class FamilyDeviceTests
{
    [Fact]
    public async Task A_browser_keeps_its_user_and_conversation_across_tabs_and_visits()
    {
        await using var host = new DirectLineHost();
        using var browser = host.CreateClient();

        var first = await TokenAsync(browser);
        await StartAndSayAsync(host, browser, first, "你好");
        var again = await TokenAsync(browser);
        var elsewhere = await TokenAsync(host.CreateClient());

        Assert.False(first["resume"]!.GetValue<bool>());
        Assert.Equal(first["userId"]!.GetValue<string>(), again["userId"]!.GetValue<string>());
        Assert.Equal(first["conversationId"]!.GetValue<string>(), again["conversationId"]!.GetValue<string>());
        Assert.True(again["resume"]!.GetValue<bool>());
        Assert.NotEqual(first["userId"]!.GetValue<string>(), elsewhere["userId"]!.GetValue<string>());
        Assert.False(elsewhere["resume"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Notices_sent_while_the_page_was_closed_are_there_on_the_next_visit()
    {
        await using var host = new DirectLineHost();
        using var browser = host.CreateClient();
        var first = await TokenAsync(browser);
        var conversationId = await StartAndSayAsync(host, browser, first, "帮我登记");

        // The ticket notice goes through the outbox to the conversation the user last spoke in.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetServices<IChannelSender>().Single(s => s.Channel == "directline");
            await sender.SendAsync(new OutboxItem(1, "directline", DirectLineAddress.For(conversationId), new OutboundMessage("您的诉求 HX-20261201-0001 已受理。"), "ticket:1:accepted", 1), CancellationToken.None);
        }
        var later = await TokenAsync(browser);
        var started = await SendAsync(browser, HttpMethod.Post, "/v3/directline/conversations", later["token"]!.GetValue<string>(), "{}");
        var activities = await DirectLineHost.ReadJsonAsync(await SendAsync(browser, HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities", later["token"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Contains(activities["activities"]!.AsArray(), a => a!["text"]?.GetValue<string>() == "您的诉求 HX-20261201-0001 已受理。");
    }

    [Fact]
    public async Task The_cookie_is_http_only_strict_long_lived_sent_only_to_the_token_endpoint_and_secure_over_https()
    {
        await using var host = new DirectLineHost();
        using var plain = host.CreateClient();
        using var tls = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var overHttp = SetCookie(await plain.PostAsync("/api/webchat/token", null)).ToLowerInvariant();
        var overHttps = SetCookie(await tls.PostAsync("/api/webchat/token", null)).ToLowerInvariant();

        Assert.StartsWith(FamilyDevices.CookieName + "=", overHttp);
        Assert.Contains("httponly", overHttp);
        Assert.Contains("samesite=strict", overHttp);
        Assert.Contains("path=/api/webchat", overHttp);
        Assert.Contains($"max-age={(int)TimeSpan.FromDays(400).TotalSeconds}", overHttp);
        Assert.DoesNotContain("secure", overHttp);
        Assert.Contains("secure", overHttps);
    }

    [Fact]
    public async Task A_forged_cookie_gets_a_new_user()
    {
        await using var host = new DirectLineHost();
        var first = await TokenAsync(host.CreateClient());

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        forged.Headers.Add("Cookie", $"{FamilyDevices.CookieName}=CfDJ8{new string('A', 120)}");
        var withForged = await DirectLineHost.ReadJsonAsync(await host.CreateClient().SendAsync(forged));

        Assert.NotEqual(first["userId"]!.GetValue<string>(), withForged["userId"]!.GetValue<string>());
        Assert.StartsWith("dl_", withForged["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_cookie_not_renewed_within_its_lifetime_gets_a_new_user()
    {
        using var database = new TestDatabase();
        await using var before = new DirectLineHost(database: database);
        // The later instance's clock starts past the lifetime; moving one running clock that far would fire every timer.
        await using var after = new DirectLineHost(database: database);
        after.Time.SetUtcNow(before.Time.GetUtcNow() + TimeSpan.FromDays(401));
        using var browser = before.CreateClient();
        var first = await TokenAsync(browser);
        var cookie = SetCookie(await browser.PostAsync("/api/webchat/token", null)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("Cookie", cookie);
        var later = await DirectLineHost.ReadJsonAsync(await after.CreateClient().SendAsync(request));

        Assert.NotEqual(first["userId"]!.GetValue<string>(), later["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_instance_on_the_same_database_reads_the_cookie()
    {
        using var database = new TestDatabase();
        await using var one = new DirectLineHost(database: database);
        await using var two = new DirectLineHost(database: database);
        using var onOne = one.CreateClient();
        var first = await TokenAsync(onOne);
        var cookie = SetCookie(await onOne.PostAsync("/api/webchat/token", null)).Split(';')[0];

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
        request.Headers.Add("Cookie", cookie);
        var onTwo = await DirectLineHost.ReadJsonAsync(await two.CreateClient().SendAsync(request));

        Assert.Equal(first["userId"]!.GetValue<string>(), onTwo["userId"]!.GetValue<string>());
    }

    private static async Task<JsonObject> TokenAsync(HttpClient browser) =>
        await DirectLineHost.ReadJsonAsync(await browser.PostAsync("/api/webchat/token", null));

    /// <summary>Starts the token's conversation and posts one message, as the page does on the first send.</summary>
    private static async Task<string> StartAndSayAsync(DirectLineHost host, HttpClient browser, JsonObject page, string text)
    {
        var token = page["token"]!.GetValue<string>();
        var conversation = await DirectLineHost.ReadJsonAsync(await SendAsync(browser, HttpMethod.Post, "/v3/directline/conversations", token, "{}"));
        var session = new Session(conversation["conversationId"]!.GetValue<string>(), token, page["userId"]!.GetValue<string>(), conversation["streamUrl"]!.GetValue<string>());
        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, text));
        return session.ConversationId;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static string SetCookie(HttpResponseMessage response) => Assert.Single(response.Headers.GetValues("Set-Cookie"));
}
