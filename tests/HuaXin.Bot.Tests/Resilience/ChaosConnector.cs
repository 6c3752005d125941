using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.Resilience;

/// <summary>A Bot Connector on 127.0.0.1 that fails a share of calls (500, 429 with Retry-After, or no answer until the
/// caller gives up) before accepting anything, and counts accepted activities by Idempotency-Key.</summary>
public sealed class ChaosConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly double _failureRate;
    private readonly Random _random = new(20261123);

    public ConcurrentDictionary<string, int> AcceptedByKey { get; } = new();
    public int Failures;

    private ChaosConnector(WebApplication app, double failureRate) => (_app, _failureRate) = (app, failureRate);

    public string BaseUrl { get; private set; } = "";

    public static async Task<ChaosConnector> StartAsync(double failureRate)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new ChaosConnector(app, failureRate);
        app.Map("/v3/{**rest}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        await new StreamReader(context.Request.Body).ReadToEndAsync();
        double roll;
        lock (_random)
        {
            roll = _random.NextDouble();
        }
        if (roll < _failureRate)
        {
            Interlocked.Increment(ref Failures);
            switch ((int)(roll / _failureRate * 3))
            {
                case 0:
                    context.Response.StatusCode = 500;
                    return;
                case 1:
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                default:
                    // No answer: the service's per-attempt timeout gives up and retries.
                    await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
                    return;
            }
        }
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault() ?? "(none)";
        AcceptedByKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = "act-" + Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
