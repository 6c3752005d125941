using System.Net;
using System.Text;
using HuaXin.Bot.Security;
using HuaXin.Bot.Tests.BotFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HuaXin.Bot.Tests.Security;

public sealed class RequestLimitAndHeaderTests(RequestLimitAndHeaderTests.Host host) : IClassFixture<RequestLimitAndHeaderTests.Host>
{
    public sealed class Host : IDisposable
    {
        public BotAppFactory App { get; } = new(new() { ["RateLimits:Enabled"] = "false" }, kestrel: true);
        public void Dispose() => App.Dispose();
    }

    [Theory]
    [InlineData("/console/upload", RequestSizeLimits.DefaultBytes)]
    [InlineData("/api/anything", RequestSizeLimits.ApiBytes)]
    public async Task Bodies_over_the_cap_are_refused_by_endpoints_that_read_without_a_limit_of_their_own(string path, long cap)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.UseRequestSizeLimits();
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            try
            {
                await request.Body.CopyToAsync(Stream.Null);
                return Results.Ok();
            }
            catch (BadHttpRequestException e)
            {
                return Results.StatusCode(e.StatusCode);
            }
        });
        await app.StartAsync();
        // Expect: 100-continue, so a refused body is never sent and the client sees the 413 instead of a broken pipe.
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), DefaultRequestHeaders = { ExpectContinue = true } };

        using var under = await client.PostAsync(path, new ByteArrayContent(new byte[cap]));
        using var over = await client.PostAsync(path, new ByteArrayContent(new byte[cap + 1]));

        Assert.Equal(HttpStatusCode.OK, under.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
    }

    [Fact]
    public async Task Api_responses_cannot_be_framed_sniffed_or_run_as_a_page()
    {
        using var client = host.App.CreateClient();
        using var response = await client.PostAsync("/api/ask", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.ApiContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    /// <summary>The console's own headers are checked by ConsoleLoginTests.Console_pages_carry_security_headers.</summary>
    [Theory]
    [InlineData("/")]
    public async Task Pages_keep_their_own_policy_with_frame_ancestors_none(string path)
    {
        using var client = host.App.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.NotEqual(SecurityHeaders.ApiContentSecurityPolicy, csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
