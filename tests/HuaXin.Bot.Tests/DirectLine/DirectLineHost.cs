using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.DirectLine;

/// <summary>The real host over a fresh database (or <paramref name="database"/>, to restart on it), with
/// <see cref="ScriptedBot"/> as the turn handler and a clock the test moves. Extra settings (e.g. "DirectLine:PageSize")
/// go through the constructor.</summary>
internal sealed class DirectLineHost(IReadOnlyDictionary<string, string?>? settings = null, TestDatabase? database = null) : TestAppFactory(database)
{
    public const string Secret = "test-secret-0123456789abcdef";

    private readonly IReadOnlyDictionary<string, string?> _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
    {
        ["DirectLine:Secrets:0"] = Secret,
    };

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    public ScriptedBot Bot { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ITurnHandler>(Bot);
        });
    }

    /// <summary>Gets a page token and starts its conversation, as Web Chat does.</summary>
    public async Task<Session> StartAsync()
    {
        using var client = CreateClient();
        var page = await ReadJsonAsync(await client.PostAsync("/api/webchat/token", null));
        var token = page["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonBody("""{"user":{"id":"someone-else"}}""") };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(start);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var conversation = await ReadJsonAsync(response);
        return new Session(conversation["conversationId"]!.GetValue<string>(), token, page["userId"]!.GetValue<string>(), conversation["streamUrl"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonBody(json) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostMessageAsync(Session session, string text, string? clientActivityId = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/activities", session.Token,
            JsonSerializer.Serialize(new
            {
                type = "message",
                from = new { id = "impostor", name = "家属" },
                text,
                locale = "zh-CN",
                channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString("N") },
            }));

    public async Task<JsonObject> GetActivitiesAsync(Session session, string? watermark = null)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}/activities?watermark={watermark}", session.Token);
        return await ReadJsonAsync(response);
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]!.GetValue<string>();

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");
}

internal sealed record Session(string ConversationId, string Token, string UserId, string StreamUrl);
