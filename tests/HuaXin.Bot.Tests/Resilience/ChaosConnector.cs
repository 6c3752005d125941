using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.Resilience;

/// <summary>A Bot Connector on 127.0.0.1 that fails a share of calls (500, 429 with Retry-After, or a 503 only after longer
/// than the service's lease) before accepting anything, and records when each activity was accepted, by Idempotency-Key.
/// Every failure is unambiguous (nothing was accepted), so a key accepted twice was sent again by the service.</summary>
public sealed class ChaosConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly double _failureRate;
    private readonly Random _random = new(20261123);

    private readonly TimeSpan _slowFailure;

    /// <summary>Stopwatch timestamps of each acceptance, by Idempotency-Key.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<long>> AcceptedByKey { get; } = new();
    public int Failures;

    private ChaosConnector(WebApplication app, double failureRate, TimeSpan slowFailure) => (_app, _failureRate, _slowFailure) = (app, failureRate, slowFailure);

    public string BaseUrl { get; private set; } = "";

    /// <param name="slowFailure">How long the slow failure keeps the caller waiting before its 503.</param>
    public static async Task<ChaosConnector> StartAsync(double failureRate, TimeSpan slowFailure)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new ChaosConnector(app, failureRate, slowFailure);
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
                    // A slow failure: the delivery outlasts the lease, which the dispatcher must keep renewing.
                    await Task.Delay(_slowFailure, context.RequestAborted).ContinueWith(_ => { });
                    context.Response.StatusCode = 503;
                    return;
            }
        }
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault() ?? "(none)";
        AcceptedByKey.GetOrAdd(key, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
        await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = "act-" + Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
