using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>A Bot Connector and token endpoint on real HTTP (Kestrel, 127.0.0.1): records every request and plays
/// scripted failures (429 with Retry-After, 502, a hang) before answering normally.</summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public sealed record Received(string Method, string Path, string? Authorization, string? IdempotencyKey, JsonNode? Body);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task<bool>>> _script = new();

    public ConcurrentQueue<Received> Requests { get; } = new();
    public int TokenRequests;

    private FakeConnector(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeConnector(app);
        app.MapPost("/token", (HttpContext _) =>
        {
            Interlocked.Increment(ref fake.TokenRequests);
            return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["access_token"] = "connector-token", ["expires_in"] = 3600 });
        });
        app.Map("/v3/{**rest}", fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return fake;
    }

    /// <summary>The next request answers 429 with Retry-After (seconds).</summary>
    public void ThenTooManyRequests(int retryAfterSeconds) => _script.Enqueue(async c =>
    {
        c.Response.StatusCode = 429;
        c.Response.Headers.RetryAfter = retryAfterSeconds.ToString();
        await c.Response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "slow down" } });
        return true;
    });

    public void ThenStatus(int status) => _script.Enqueue(c =>
    {
        c.Response.StatusCode = status;
        return Task.FromResult(true);
    });

    /// <summary>The next request never answers (until the client gives up).</summary>
    public void ThenHang() => _script.Enqueue(async c =>
    {
        await Task.Delay(Timeout.Infinite, c.RequestAborted).ContinueWith(_ => { });
        return true;
    });

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        Requests.Enqueue(new Received(context.Request.Method, Uri.UnescapeDataString(context.Request.Path.Value ?? ""),
            context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body)));
        if (_script.TryDequeue(out var step) && await step(context))
        {
            return;
        }
        var id = "act-" + Requests.Count;
        if (context.Request.Path == "/v3/conversations")
        {
            await context.Response.WriteAsJsonAsync(new { id = "19:new@thread.tacv2;messageid=" + id, activityId = id });
            return;
        }
        await context.Response.WriteAsJsonAsync(new { id });
    }

    /// <summary>Activities the bot sent (bodies of activity posts and the activity inside create-conversation).</summary>
    public IReadOnlyList<JsonNode> SentActivities() => Requests
        .Where(r => r.Body is not null)
        .Select(r => r.Path == "/v3/conversations" ? r.Body!["activity"]! : r.Body!)
        .ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
