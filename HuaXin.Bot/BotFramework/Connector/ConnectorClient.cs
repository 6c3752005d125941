using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.Connector;

/// <summary>Bot Connector REST client (v3 conversations API). Retries, timeouts and the circuit breaker are in the
/// HttpClient's resilience pipeline (see <see cref="BotFrameworkExtensions"/>); this class adds the bot's token, and
/// only for serviceUrls that arrived in validated channel tokens. Without an App ID it posts to loopback URLs only (the
/// emulator), as inbound calls are then taken only from this machine.</summary>
public sealed class ConnectorClient(
    HttpClient http,
    ConnectorTokenProvider tokens,
    TrustedServiceUrls trusted,
    IOptions<BotOptions> options)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, string? idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, idempotencyKey, cancellationToken);

    public Task<ResourceResponse?> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, string? idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity with { ReplyToId = replyToId }, idempotencyKey, cancellationToken);

    /// <summary>Replaces a message the bot sent earlier (a ticket card whose status changed).</summary>
    public Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity with { Id = activityId }, null, cancellationToken);

    /// <summary>Starts a conversation (proactive message): a 1:1 chat with a member or a new thread in a Teams channel.</summary>
    public Task<ConversationResourceResponse?> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, string? idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, idempotencyKey, cancellationToken);

    private async Task<T?> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object body, string? idempotencyKey, CancellationToken cancellationToken)
        where T : class
    {
        var authenticated = options.Value.IsAuthenticationConfigured;
        if (authenticated && !await trusted.IsTrustedAsync(serviceUrl, cancellationToken))
        {
            throw new ConnectorException(null, "UntrustedServiceUrl", $"'{serviceUrl}' never arrived in a validated token; the bot's token is not sent there.", permanent: true);
        }
        if (!authenticated && !ServiceUrls.IsLoopback(serviceUrl))
        {
            throw new ConnectorException(null, "UntrustedServiceUrl", $"Without an App ID the bot posts only to loopback serviceUrls, not to '{serviceUrl}'.", permanent: true);
        }
        var json = JsonSerializer.Serialize(body, body.GetType(), BotJson.Options);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(ServiceUrls.Normalize(serviceUrl)), path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authenticated)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
        }
        if (idempotencyKey is not null)
        {
            // The Connector does not promise to honour it, but proxies and our fakes can, and it ties logs together.
            request.Headers.TryAddWithoutValidation(IdempotencyHeader, idempotencyKey);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            tokens.Invalidate();
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }
        // Success is the status: channels answer 200/201/202 with an empty body too, and resending would post twice.
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(text, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The resilience pipeline already retried transient answers; what is left and is a client error is permanent,
    /// except 401 (token renewed next time) and 429/408.</summary>
    private static async Task<ConnectorException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var code = "HttpError";
        var message = $"Connector answered {status}.";
        try
        {
            var error = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["error"];
            code = error?["code"]?.GetValue<string>() ?? code;
            message = error?["message"]?.GetValue<string>() ?? message;
        }
        catch (JsonException)
        {
            // Not the documented error shape (a proxy's HTML page): keep the status text.
        }
        var permanent = status is >= 400 and < 500 and not 401 and not 408 and not 412 and not 429;
        return new ConnectorException(response.StatusCode, code, message, permanent);
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}

/// <summary>Body of POST /v3/conversations.</summary>
public sealed record ConversationParameters
{
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public bool? IsGroup { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public JsonNode? ChannelData { get; init; }
    public Activity? Activity { get; init; }
}

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);
