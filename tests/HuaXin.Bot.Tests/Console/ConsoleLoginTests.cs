using System.Net;

namespace HuaXin.Bot.Tests.StaffConsole;

public sealed class ConsoleLoginTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task The_right_password_signs_in_with_a_secure_session_cookie()
    {
        var client = app.Client();

        var response = await ConsoleAppFactory.LoginAsync(client, "union", ConsoleAppFactory.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/tickets", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-huaxin-console="));
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("集团工会工单", await client.GetStringAsync("/console/tickets"));
    }

    [Theory]
    [InlineData("union", "wrong password")]
    [InlineData("nobody", ConsoleAppFactory.Password)]
    public async Task A_wrong_password_or_unknown_user_is_refused_alike(string user, string password)
    {
        var client = app.Client();

        var response = await ConsoleAppFactory.LoginAsync(client, user, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console/tickets")).StatusCode);
    }

    [Theory]
    [InlineData("/console/tickets")]
    [InlineData("/console/families")]
    [InlineData("/console/tickets/HX-20261123-0001")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string url)
    {
        var response = await app.Client().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // Relative: the client's Host header never makes it into the redirect.
        Assert.StartsWith("/console/login?ReturnUrl=", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_login_post_without_the_antiforgery_token_is_rejected()
    {
        var client = app.Client();
        await client.GetAsync("/console/login");

        var response = await client.PostAsync("/console/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "union", ["password"] = ConsoleAppFactory.Password }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_does_not_redirect_off_site()
    {
        var client = app.Client();

        var response = await ConsoleAppFactory.PostFormAsync(client, "/console/login", "/console/login",
            new() { ["userName"] = "union", ["password"] = ConsoleAppFactory.Password, ["returnUrl"] = "//evil.example/console" });

        Assert.Equal("/console/tickets", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/console/login")]
    [InlineData("/console/tickets")]
    public async Task Console_pages_carry_security_headers(string url)
    {
        var client = await app.SignedInAsync("union");

        var response = await client.GetAsync(url);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = await app.SignedInAsync("union");

        var response = await ConsoleAppFactory.PostFormAsync(client, "/console/tickets", "/console/logout", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/console/tickets")).StatusCode);
    }
}

/// <summary>Own host: lockout state must not leak into the other console tests.</summary>
public sealed class ConsoleLockoutTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Fact]
    public async Task Repeated_failures_lock_the_account_even_against_the_right_password()
    {
        var client = app.Client();
        for (var i = 0; i < 3; i++)
        {
            await ConsoleAppFactory.LoginAsync(client, "logistics", "guess " + i);
        }

        var response = await ConsoleAppFactory.LoginAsync(client, "logistics", ConsoleAppFactory.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("锁定", await response.Content.ReadAsStringAsync());
        // Other accounts are not affected.
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleAppFactory.LoginAsync(app.Client(), "union", ConsoleAppFactory.Password)).StatusCode);
    }
}
