using System.Text.Json.Nodes;
using HuaXin.Bot.Tests.DingTalk;

namespace HuaXin.Bot.Tests.Fuzz;

/// <summary>Near-valid DingTalk Stream frames (robot callbacks, pings, events with mutated fields and types) sent down
/// the live WebSocket: none of them costs the connection, and a valid message after them is answered on it.</summary>
public sealed class StreamFrameFuzzTests(StreamFixture host) : IClassFixture<StreamFixture>
{
    private const int Frames = 1000;

    [Fact]
    public async Task Junk_frames_neither_drop_the_connection_nor_stop_the_next_message()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var socket = await host.Fake.LiveConnectionAsync(guard.Token);
        var seeds = new[]
        {
            GatewaySocket.Frame("CALLBACK", "/v1.0/im/bot/messages/get", "f", RobotMessages.Text(host.Fake, "fuzz-msg", "你好")).ToJsonString(),
            GatewaySocket.Frame("SYSTEM", "ping", "p", """{"opaque":"x"}""").ToJsonString(),
            GatewaySocket.Frame("EVENT", "chat_update_title", "e", "{}").ToJsonString(),
        };
        var random = new Random(20261123);
        for (var sent = 0; sent < Frames;)
        {
            // The fake sends JSON objects only: text-level junk that no longer parses is left to the HTTP fuzzing.
            if (JsonNodeOrNull(NearValidJson.Mutate(random, seeds[random.Next(seeds.Length)])) is JsonObject frame)
            {
                await socket.SendAsync(frame);
                sent++;
            }
        }

        var msgId = "msg" + Guid.NewGuid().ToString("N");
        // From someone else: the junk's valid callbacks have spent their sender's rate limit, as a flood should.
        await socket.SendCallbackAsync("frame-" + msgId, RobotMessages.Text(host.Fake, msgId, "还在吗", "after-the-fuzz"));

        var ack = await AnswerToAsync(socket, "frame-" + msgId, guard.Token);
        Assert.Equal(200, (int)ack["code"]!);
        Assert.False(socket.Closed.IsCompleted);
        await host.Fake.WaitForSentAsync(m => m.Target == msgId, guard.Token);
    }

    /// <summary>Like <see cref="GatewaySocket.AnswerToAsync"/>, but skips the answers to junk frames, whose echoed
    /// headers may hold a messageId that is not a string.</summary>
    private static async Task<JsonNode> AnswerToAsync(GatewaySocket socket, string messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var frame = await socket.Received.Reader.ReadAsync(cancellationToken);
            if (frame["headers"]?["messageId"] is JsonValue id && id.TryGetValue<string>(out var text) && text == messageId)
            {
                return frame;
            }
        }
    }

    private static JsonNode? JsonNodeOrNull(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
