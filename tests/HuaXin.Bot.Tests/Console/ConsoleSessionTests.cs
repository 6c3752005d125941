using System.Net;
using System.Text.RegularExpressions;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>Finding 11: a console session lasts only as long as the account behind it: removed, demoted or signed out,
/// the cookie stops working at its next request.</summary>
public sealed class ConsoleSessionTests : IDisposable
{
    private readonly ConsoleAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static string SessionCookie(HttpResponseMessage login) =>
        login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-huaxin-console="));

    [Fact]
    public async Task A_removed_account_s_cookie_no_longer_reads_the_board_or_writes_notes()
    {
        var number = await _app.CreateTicketAsync("集团工会");
        var client = await _app.SignedInAsync("union");
        await StaffConsoleForms.ActAsync(client, number, "Accept", "unused", "");
        var page = await client.GetStringAsync($"/console/tickets/{number}");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        _app.Live.Set("Console:Accounts:0:UserName", "union-left-the-company");

        using var board = await client.GetAsync("/console/tickets");
        using var note = await client.PostAsync($"/console/tickets/{number}?handler=Comment",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["note"] = "离职后写的备注", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, board.StatusCode);
        Assert.StartsWith("/console/login", board.Headers.Location!.OriginalString);
        Assert.False(note.IsSuccessStatusCode);
        Assert.DoesNotContain((await _app.TicketAsync(number)).History, h => h.Note == "离职后写的备注");
    }

    [Fact]
    public async Task A_demoted_admin_loses_the_admin_pages_at_the_next_request()
    {
        var admin = await _app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/console/knowledge")).StatusCode);

        _app.Live.Set("Console:Accounts:2:Role", "Staff");

        using var again = await admin.GetAsync("/console/knowledge");
        Assert.StartsWith("/console/login", again.Headers.Location!.OriginalString);
        var signedInAgain = await _app.SignedInAsync("admin");
        Assert.StartsWith("/console/denied", (await signedInAgain.GetAsync("/console/knowledge")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_changed_password_ends_the_sessions_opened_with_the_old_one()
    {
        var client = await _app.SignedInAsync("logistics");

        _app.Live.Set("Console:Accounts:1:PasswordHash", HuaXin.Bot.StaffConsole.ConsoleAccounts.Hash("一个新的密码 2026"));

        Assert.StartsWith("/console/login", (await client.GetAsync("/console/tickets")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_revokes_the_session_so_a_copied_cookie_is_worthless()
    {
        var client = _app.Client();
        using var login = await ConsoleAppFactory.LoginAsync(client, "union", ConsoleAppFactory.Password);
        var cookie = SessionCookie(login);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/tickets")).StatusCode);

        using var logout = await ConsoleAppFactory.PostFormAsync(client, "/console/tickets", "/console/logout", new());
        var copy = _app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/console/tickets");
        request.Headers.Add("Cookie", cookie);
        using var replayed = await copy.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/console/login", replayed.Headers.Location!.OriginalString);
    }
}

/// <summary>Finding 17 behind the README's proxy, over a real socket: sign-in lockout counts per name and client, and the
/// console's redirects are relative and carry the security headers.</summary>
public sealed partial class ConsoleBehindProxyTests : IDisposable
{
    private readonly ConsoleAppFactory _app = new();
    private readonly HttpClient _client;

    public ConsoleBehindProxyTests()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        // Cookies by hand: the console's are Secure, and this hop (proxy → service) is plain HTTP.
        using var kestrel = _app.CreateClient();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = kestrel.BaseAddress };
    }

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }

    private static HttpRequestMessage Proxied(HttpMethod method, string path, string client)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", client);
        request.Headers.Add("X-Forwarded-Proto", "https");
        return request;
    }

    private async Task<HttpResponseMessage> LoginAsync(string client, string user, string password)
    {
        using var page = await _client.SendAsync(Proxied(HttpMethod.Get, "/console/login", client));
        var csrf = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("__Host-huaxin-csrf="));
        var token = Token().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var post = Proxied(HttpMethod.Post, "/console/login", client);
        post.Headers.Add("Cookie", csrf);
        post.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token });
        return await _client.SendAsync(post);
    }

    [Fact]
    public async Task Guessing_at_a_staff_member_s_name_locks_out_the_guesser_not_the_staff_member()
    {
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await LoginAsync("203.0.113.9", "union", "猜的密码" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var attacker = await LoginAsync("203.0.113.9", "union", ConsoleAppFactory.Password);
        using var staff = await LoginAsync("198.51.100.7", "union", ConsoleAppFactory.Password);

        Assert.Contains("锁定", await attacker.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_redirect_is_relative_and_carries_the_security_headers()
    {
        var request = Proxied(HttpMethod.Get, "/console/tickets", "203.0.113.9");
        request.Headers.Host = "evil.example";

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/login", response.Headers.Location!.OriginalString);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
