using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.DingTalk.Stream;

/// <summary>Stream mode: keeps one WebSocket to DingTalk's gateway, stores each robot message through
/// <see cref="DingTalkInbound"/> (deduped by msgId) and acknowledges it. Any close, error, unanswered ping or
/// "disconnect" leads to a new ticket and a new connection after an exponential, jittered delay, which starts over only
/// once a connection has delivered a frame (a gateway that accepts and drops at once is not hammered).</summary>
public sealed class DingTalkStreamService(StreamGateway gateway, IServiceScopeFactory scopes, IOptionsMonitor<DingTalkOptions> options,
    TimeProvider time, ILogger<DingTalkStreamService> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions FrameJson = new(JsonSerializerDefaults.Web);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var endpoint = await gateway.OpenAsync(stoppingToken);
                using var socket = new ClientWebSocket();
                // Interval and timeout together make the client send PINGs and abort when no PONG comes back; the
                // interval alone only sends unsolicited PONGs and never notices a dead peer.
                socket.Options.KeepAliveInterval = options.CurrentValue.StreamKeepAlive;
                socket.Options.KeepAliveTimeout = options.CurrentValue.StreamPingTimeout;
                await socket.ConnectAsync(new Uri($"{endpoint.Endpoint}?ticket={Uri.EscapeDataString(endpoint.Ticket)}"), stoppingToken);
                logger.LogInformation("DingTalk Stream connected");
                await ReceiveAsync(socket, () => failures = 0, stoppingToken);
                logger.LogInformation("DingTalk Stream connection ended; reconnecting");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever broke this connection, the service must keep trying: a crashed receiver would silently stop all DingTalk traffic.
                logger.LogWarning("DingTalk Stream connection failed ({Type}): {Error}", e.GetType().Name, e.Message);
            }
            failures++;
            try
            {
                await Task.Delay(ReconnectDelay(failures), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Full-jitter exponential backoff; the first retry after a clean close is short, repeated failures slow down.</summary>
    private TimeSpan ReconnectDelay(int failures)
    {
        var settings = options.CurrentValue;
        var exponential = settings.StreamReconnectBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = Math.Min(exponential, settings.StreamReconnectMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + Random.Shared.NextDouble() * capped / 2);
    }

    /// <param name="onFrame">Called for every frame received: the connection works.</param>
    private async Task ReceiveAsync(ClientWebSocket socket, Action onFrame, CancellationToken stoppingToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (socket.State == WebSocketState.Open)
        {
            buffer.ResetWrittenCount();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.GetMemory(4096), stoppingToken);
                buffer.Advance(result.Count);
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket);
                return;
            }
            onFrame();
            StreamFrame? frame;
            try
            {
                frame = JsonSerializer.Deserialize<StreamFrame>(buffer.WrittenSpan, FrameJson);
            }
            catch (JsonException e)
            {
                // One unreadable frame is no reason to drop the connection and every message behind it.
                logger.LogWarning("DingTalk Stream frame skipped: {Error}", e.Message);
                continue;
            }
            // The record's non-nullable members are only as good as the JSON: a frame without them cannot be answered.
            if (frame?.Headers is null || frame.Type is null)
            {
                continue;
            }
            byte[]? ack;
            try
            {
                ack = await HandleAsync(frame, stoppingToken) is { } answer ? JsonSerializer.SerializeToUtf8Bytes(answer, FrameJson) : null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A frame the handlers cannot make sense of (duplicate header names, a ping too deep to echo) is skipped, unanswered.
                logger.LogWarning("DingTalk Stream frame skipped ({Type}): {Error}", e.GetType().Name, e.Message);
                continue;
            }
            if (ack is not null)
            {
                await socket.SendAsync(ack, WebSocketMessageType.Text, true, stoppingToken);
            }
            if (frame is { Type: "SYSTEM", Topic: "disconnect" })
            {
                // The gateway is about to close this connection; a fresh one avoids losing messages in those 10 s.
                await CloseQuietlyAsync(socket);
                return;
            }
        }
    }

    private async Task<StreamAck?> HandleAsync(StreamFrame frame, CancellationToken stoppingToken)
    {
        switch (frame.Type)
        {
            case "SYSTEM":
                return frame.Topic == "ping" ? StreamAck.Pong(frame) : null;
            case "EVENT" when frame.MessageId is { } eventId:
                // No event subscriptions are used yet; acknowledging stops re-sends.
                return StreamAck.Event(eventId, success: true);
            case "CALLBACK" when frame.MessageId is { } messageId:
                if (frame.Topic != StreamFrame.RobotTopic)
                {
                    return StreamAck.Callback(messageId, 404);
                }
                return await AcceptRobotMessageAsync(frame, messageId, stoppingToken);
            default:
                return null;
        }
    }

    private async Task<StreamAck> AcceptRobotMessageAsync(StreamFrame frame, string messageId, CancellationToken stoppingToken)
    {
        try
        {
            var message = RobotMessageParser.Parse(System.Text.Encoding.UTF8.GetBytes(frame.Data ?? ""));
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DingTalkInbound>().AcceptAsync(message, stoppingToken);
            return StreamAck.Callback(messageId);
        }
        catch (RobotMessageFormatException e)
        {
            // Re-sending a malformed message cannot fix it: acknowledge so it is not re-sent.
            logger.LogWarning("DingTalk Stream message {MessageId} is malformed: {Error}", messageId, e.Message);
            return StreamAck.Callback(messageId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not stored: an error answer lets DingTalk deliver it again (msgId dedupe keeps that safe).
            logger.LogError(e, "DingTalk Stream message {MessageId} could not be stored", messageId);
            return StreamAck.Callback(messageId, 500);
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The peer is already gone; nothing to tell it.
        }
    }
}
