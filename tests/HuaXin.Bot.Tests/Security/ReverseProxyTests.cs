using System.Net;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Security;

/// <summary>The service as the README deploys it: Kestrel on plain HTTP at 127.0.0.1 behind a TLS reverse proxy on the
/// same host, which says X-Forwarded-Proto/-For.</summary>
public sealed class ReverseProxyTests
{
    private static HttpRequestMessage Get(string path, string? proto = null, string? client = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (proto is not null) request.Headers.Add("X-Forwarded-Proto", proto);
        if (client is not null) request.Headers.Add("X-Forwarded-For", client);
        return request;
    }

    [Fact]
    public async Task The_console_works_through_the_TLS_proxy_and_says_why_it_does_not_over_plain_HTTP()
    {
        await using var host = new HuaXinAppFactory();
        host.UseKestrel(0);
        host.StartServer();
        using var client = host.CreateClient();

        using var proxied = await client.SendAsync(Get("/console/login", proto: "https", client: "203.0.113.9"));
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Contains("__Host-huaxin-csrf", string.Join(";", proxied.Headers.GetValues("Set-Cookie")));

        using var plain = await client.SendAsync(Get("/console/login"));
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Contains("HTTPS", await plain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_see_the_real_client_behind_the_proxy()
    {
        await using var host = new HuaXinAppFactory();
        host.UseKestrel(0);
        host.StartServer();
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Get("/metrics"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Get("/metrics", proto: "https", client: "203.0.113.9"))).StatusCode);
    }
}
