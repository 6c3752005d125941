using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.AI;

/// <summary>A local OpenAI-compatible server on 127.0.0.1 speaking both wire formats: OpenAI-compatible /v1/… and Azure
/// /openai/deployments/{deployment}/…?api-version=…. Each chat request is answered by <see cref="Reply"/>.</summary>
public sealed class ModelStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ModelStub(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What AI:Endpoint is for Provider=OpenAICompatible.</summary>
    public Uri OpenAIEndpoint => new(BaseAddress, "v1");

    public ConcurrentQueue<StubCall> Calls { get; } = new();

    public Func<StubCall, StubReply> Reply { get; set; } = _ => StubReply.Text("好的[1]");

    public IEnumerable<StubCall> ChatCalls => Calls.Where(c => c.Path.EndsWith("/chat/completions", StringComparison.Ordinal));

    public static async Task<ModelStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        ModelStub? stub = null;
        app.MapPost("/v1/chat/completions", (HttpContext http) => stub!.ChatAsync(http));
        app.MapPost("/openai/deployments/{deployment}/chat/completions", (HttpContext http) => stub!.ChatAsync(http));
        app.MapPost("/v1/embeddings", (HttpContext http) => stub!.EmbeddingsAsync(http));
        app.MapPost("/openai/deployments/{deployment}/embeddings", (HttpContext http) => stub!.EmbeddingsAsync(http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new ModelStub(app, new Uri(address.TrimEnd('/') + "/"));
        return stub;
    }

    private async Task ChatAsync(HttpContext http)
    {
        var call = await RecordAsync(http);
        var reply = Reply(call);
        if (reply is StubReply.Slow slow)
        {
            await Task.Delay(slow.Delay, http.RequestAborted);
            reply = slow.Then;
        }
        switch (reply)
        {
            case StubReply.Hang:
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
                break;
            case StubReply.Status status:
                http.Response.StatusCode = status.Code;
                if (status.RetryAfterSeconds is { } seconds)
                {
                    http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await http.Response.WriteAsJsonAsync(new { error = new { message = "stub error", type = "server_error", code = status.Code.ToString() } });
                break;
            case StubReply.Malformed:
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"id\":\"x\",\"choices\":[{\"message\":{\"content\":\"半截");
                break;
            case StubReply.TextReply text when call.Stream:
                await StreamAsync(http, text.Content);
                break;
            case StubReply.TextReply text:
                await http.Response.WriteAsJsonAsync(Completion(new JsonObject { ["role"] = "assistant", ["content"] = text.Content }, "stop"));
                break;
            case StubReply.ToolReply tool:
                await http.Response.WriteAsJsonAsync(Completion(new JsonObject
                {
                    ["role"] = "assistant",
                    ["content"] = null,
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "call_1",
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = tool.Name, ["arguments"] = tool.Arguments },
                    }),
                }, "tool_calls"));
                break;
        }
    }

    private static JsonObject Completion(JsonObject message, string finish) => new()
    {
        ["id"] = "chatcmpl-stub",
        ["object"] = "chat.completion",
        ["created"] = 1_700_000_000,
        ["model"] = "stub",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
    };

    /// <summary>Server-sent events, one chunk per character pair, then [DONE].</summary>
    private static async Task StreamAsync(HttpContext http, string content)
    {
        http.Response.ContentType = "text/event-stream";
        for (var i = 0; i < content.Length; i += 2)
        {
            var chunk = new JsonObject
            {
                ["id"] = "chatcmpl-stub",
                ["object"] = "chat.completion.chunk",
                ["created"] = 1_700_000_000,
                ["model"] = "stub",
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["delta"] = new JsonObject { ["role"] = "assistant", ["content"] = content.Substring(i, Math.Min(2, content.Length - i)) },
                    ["finish_reason"] = null,
                }),
            };
            await http.Response.WriteAsync($"data: {chunk.ToJsonString()}\n\n");
            await http.Response.Body.FlushAsync();
        }
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    /// <summary>Deterministic vectors (character bigrams hashed into 64 dimensions) as base64 float32, as the SDK asks.</summary>
    private async Task EmbeddingsAsync(HttpContext http)
    {
        var call = await RecordAsync(http);
        var input = call.Body["input"];
        var texts = input is JsonArray array ? array.Select(t => t!.GetValue<string>()).ToList() : [input!.GetValue<string>()];
        var data = new JsonArray();
        for (var i = 0; i < texts.Count; i++)
        {
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = Convert.ToBase64String(Vector(texts[i])) });
        }
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = "stub-embedding",
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        });
    }

    public static byte[] Vector(string text)
    {
        var vector = new float[64];
        for (var i = 0; i + 1 < text.Length; i++)
        {
            vector[(text[i] * 31 + text[i + 1]) % 64] += 1;
        }
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.SelectMany(v => BitConverter.GetBytes(norm == 0 ? 0 : v / norm))];
    }

    private async Task<StubCall> RecordAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = JsonNode.Parse(await reader.ReadToEndAsync())!.AsObject();
        var call = new StubCall(http.Request.Path, http.Request.QueryString.Value ?? "", http.Request.Headers.Authorization.ToString(),
            http.Request.Headers["api-key"].ToString(), body);
        Calls.Enqueue(call);
        return call;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record StubCall(string Path, string Query, string Authorization, string ApiKey, JsonObject Body)
{
    public bool Stream => Body["stream"]?.GetValue<bool>() == true;

    public string System => Messages("system");

    public string User => Messages("user");

    public bool HasTools => Body["tools"] is JsonArray { Count: > 0 };

    private string Messages(string role) => string.Join("\n", Body["messages"]!.AsArray()
        .Where(m => m!["role"]!.GetValue<string>() == role)
        .Select(m => m!["content"] is JsonValue v ? v.GetValue<string>() : m!["content"]!.ToJsonString()));

    public string ToolName => Body["tools"]![0]!["function"]!["name"]!.GetValue<string>();

    public JsonNode ToolParameters => Body["tools"]![0]!["function"]!["parameters"]!;
}

public abstract record StubReply
{
    public static StubReply Text(string content) => new TextReply(content);

    public static StubReply Tool(string arguments, string name = "Triage-record_request") => new ToolReply(name, arguments);

    public sealed record TextReply(string Content) : StubReply;

    public sealed record ToolReply(string Name, string Arguments) : StubReply;

    public sealed record Status(int Code, int? RetryAfterSeconds = null) : StubReply;

    public sealed record Malformed : StubReply;

    public sealed record Hang : StubReply;

    public sealed record Slow(TimeSpan Delay, StubReply Then) : StubReply;
}
