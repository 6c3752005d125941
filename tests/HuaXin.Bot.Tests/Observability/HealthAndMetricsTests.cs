using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Observability;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Polly.CircuitBreaker;

namespace HuaXin.Bot.Tests.Observability;

/// <summary>The real host with the real turn pipeline (so turns are metered), in memory.</summary>
public sealed class HealthAndMetricsTests(HealthAndMetricsTests.Host host) : IClassFixture<HealthAndMetricsTests.Host>
{
    public sealed class Host : TestAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.UseSetting("Knowledge:Watch", "false");
        }
    }

    [Fact]
    public async Task Healthz_reports_the_database_and_every_channel_as_json()
    {
        using var response = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
        var channels = body["checks"]!["channels"]!["data"]!.AsObject();
        Assert.Contains("msteams", channels.Select(c => c.Key));
        Assert.Contains("directline", channels.Select(c => c.Key));
        Assert.Equal("closed", channels["msteams"]!["circuit"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_open_circuit_makes_the_channel_and_the_service_degraded_but_still_200()
    {
        var metrics = host.Services.GetRequiredService<BotMetrics>();
        metrics.DeliveryFailed("botframework", new BrokenCircuitException("open"), parked: false, DateTimeOffset.UtcNow);
        try
        {
            using var response = await host.CreateClient().GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("Degraded", body["status"]!.GetValue<string>());
            Assert.Equal("open", body["checks"]!["channels"]!["data"]!["botframework"]!["circuit"]!.GetValue<string>());
        }
        finally
        {
            metrics.Delivered("botframework", DateTimeOffset.UtcNow);
        }
    }

    [Fact]
    public async Task Metrics_are_exposed_for_prometheus_after_a_turn()
    {
        using var client = host.CreateClient();
        using var turn = await client.PostAsJsonAsync("/api/chat", new { conversationId = "m1", userId = "m-user", text = "你好" });
        Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
        await host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<QueueDepthSampler>().Single().SampleAsync(CancellationToken.None);

        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("huaxin_turns_total{", text);
        Assert.Contains("channel=\"api\"", text);
        Assert.Contains("huaxin_turn_duration_milliseconds_bucket{", text);
        Assert.Contains("huaxin_outbox_backlog", text);
        Assert.Contains("huaxin_outbox_parked", text);
    }
}
