using System.Net;
using System.Net.Http.Headers;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Observability;

public sealed class MetricsAccessTests
{
    [Fact]
    public async Task Without_a_token_only_local_unproxied_clients_read_metrics()
    {
        await using var host = new HuaXinAppFactory();
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(proxied)).StatusCode);
        // Health stays readable for load balancers.
        using var health = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        health.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.NotEqual(HttpStatusCode.Forbidden, (await client.SendAsync(health)).StatusCode);
    }

    [Fact]
    public async Task With_a_token_the_scraper_must_present_it()
    {
        await using var host = new HuaXinAppFactory(settings: new Dictionary<string, string?> { ["Observability:MetricsToken"] = "scrape-secret-123" });
        var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-124") } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-secret-123") } };
        right.Headers.Add("X-Forwarded-For", "10.0.0.5");
        var response = await client.SendAsync(right);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }
}
