using System.Net.Http.Json;
using HuaXin.Bot.Messaging;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk.Stream;

/// <summary>Asks DingTalk for a Stream endpoint and a single-use ticket (valid ~90 s). No retry handler here:
/// the Stream service owns reconnect backoff.</summary>
public sealed class StreamGateway(HttpClient http, IOptionsMonitor<DingTalkOptions> options)
{
    public async Task<StreamEndpoint> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var body = new
        {
            clientId = settings.AppKey,
            clientSecret = settings.AppSecret,
            subscriptions = new[]
            {
                new { type = "EVENT", topic = "*" },
                new { type = "CALLBACK", topic = StreamFrame.RobotTopic },
            },
            ua = "huaxin-bot/1.0 dotnet",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1.0/gateway/connections/open") { Content = JsonContent.Create(body) };
        // Without it the gateway answers XML.
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Stream gateway refused to open a connection: {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var endpoint = await response.Content.ReadFromJsonAsync<StreamEndpoint>(MessagingJson.Options, cancellationToken);
        if (string.IsNullOrEmpty(endpoint?.Endpoint) || string.IsNullOrEmpty(endpoint.Ticket))
        {
            throw new HttpRequestException("Stream gateway answered without endpoint or ticket.");
        }
        return endpoint;
    }
}
