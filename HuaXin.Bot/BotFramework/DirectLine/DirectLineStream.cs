using System.Net.WebSockets;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.BotFramework.DirectLine;

/// <summary>Serves a conversation's streamUrl: sends every activity after the watermark as an ActivitySet frame, then
/// each new one as it is appended, with an empty frame as keep-alive. The client's own frames (its keep-alives) are read and ignored.</summary>
public sealed class DirectLineStream(DirectLineStore store, DirectLineNotifier notifier, IOptions<DirectLineOptions> options, TimeProvider time)
{
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken cancellationToken)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = ReceiveUntilClosedAsync(socket, closing.Token);
        var settings = options.Value;
        var lastSent = time.GetUtcNow();
        try
        {
            while (socket.State == WebSocketState.Open && !receiving.IsCompleted)
            {
                var appended = notifier.NextAppendAsync(conversationId);
                var page = await store.ListAsync(conversationId, watermark, settings.PageSize, closing.Token);
                if (page.Count > 0)
                {
                    watermark = page[^1].Sequence;
                    await socket.SendAsync(ActivitySetWriter.Write(page, watermark), WebSocketMessageType.Text, endOfMessage: true, closing.Token);
                    lastSent = time.GetUtcNow();
                    continue;
                }
                var now = time.GetUtcNow();
                if (now - lastSent >= settings.KeepAliveInterval)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
                    lastSent = now;
                }
                var untilKeepAlive = settings.KeepAliveInterval - (now - lastSent);
                using var waiting = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
                await Task.WhenAny(appended, receiving, Task.Delay(untilKeepAlive < settings.StreamPollInterval ? untilKeepAlive : settings.StreamPollInterval, time, waiting.Token));
                // Stops the timer of a delay that lost the race, so a busy conversation does not pile them up.
                await waiting.CancelAsync();
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away or the host is stopping; nothing is lost, the client resumes from its watermark.
        }
        finally
        {
            await closing.CancelAsync();
            await receiving;
        }
    }

    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, cancellationToken);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed or aborted: the send loop sees the completed task and stops.
        }
    }
}
