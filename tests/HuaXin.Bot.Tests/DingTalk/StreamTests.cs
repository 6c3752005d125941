using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace HuaXin.Bot.Tests.DingTalk;

public sealed class StreamTests(StreamFixture host) : IClassFixture<StreamFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    private FakeDingTalk Fake => host.Fake;

    [Fact]
    public async Task Robot_message_is_acked_with_its_messageId_and_answered_through_the_webhook()
    {
        var socket = await Fake.LiveConnectionAsync(Guard);
        var msgId = NewId();

        await socket.SendCallbackAsync("frame-" + msgId, RobotMessages.Text(Fake, msgId, " 你好，Stream"));

        var ack = await socket.AnswerToAsync("frame-" + msgId, Guard);
        Assert.Equal(200, (int)ack["code"]!);
        Assert.Equal("OK", (string?)ack["message"]);
        Assert.Equal("{\"response\":null}", (string?)ack["data"]);
        var reply = await Fake.WaitForSentAsync(m => m.Target == msgId, Guard);
        Assert.Equal("收到：你好，Stream", reply.Text);
    }

    [Fact]
    public async Task System_ping_is_answered_with_the_same_data()
    {
        var socket = await Fake.LiveConnectionAsync(Guard);

        await socket.SendPingAsync("ping-1", "opaque-42");

        var pong = await socket.AnswerToAsync("ping-1", Guard);
        Assert.Equal(200, (int)pong["code"]!);
        Assert.Equal("{\"opaque\":\"opaque-42\"}", (string?)pong["data"]);
    }

    [Fact]
    public async Task Event_frames_are_acknowledged_as_success()
    {
        var socket = await Fake.LiveConnectionAsync(Guard);

        await socket.SendAsync(GatewaySocket.Frame("EVENT", "chat_update_title", "event-1", "{}"));

        var ack = await socket.AnswerToAsync("event-1", Guard);
        Assert.Equal("SUCCESS", (string?)JsonNode.Parse((string)ack["data"]!)!["status"]);
    }

    [Fact]
    public async Task Dropped_socket_reconnects_with_a_new_ticket_and_a_redelivered_message_is_answered_once()
    {
        var first = await Fake.LiveConnectionAsync(Guard);
        var msgId = NewId();
        await first.SendCallbackAsync("frame-a-" + msgId, RobotMessages.Text(Fake, msgId, "掉线前"));
        await first.AnswerToAsync("frame-a-" + msgId, Guard);

        first.Drop();
        var second = await Fake.LiveConnectionAsync(Guard);
        Assert.NotEqual(first.Ticket, second.Ticket);

        // DingTalk re-sends a message it is unsure was handled: same msgId, new frame id, new connection.
        await second.SendCallbackAsync("frame-b-" + msgId, RobotMessages.Text(Fake, msgId, "掉线前"));
        var ack = await second.AnswerToAsync("frame-b-" + msgId, Guard);
        Assert.Equal(200, (int)ack["code"]!);

        var barrier = NewId();
        await second.SendCallbackAsync("frame-" + barrier, RobotMessages.Text(Fake, barrier, "barrier"));
        await Fake.WaitForSentAsync(m => m.Target == barrier, Guard);
        Assert.Equal(1, Fake.CountSent(m => m.Target == msgId));
        Assert.Equal(1, await host.StoredInboundAsync(msgId));
    }

    [Fact]
    public async Task Disconnect_notice_makes_the_client_reconnect()
    {
        GatewaySocket first;
        while (true)
        {
            first = await Fake.LiveConnectionAsync(Guard);
            try
            {
                await first.SendDisconnectAsync("disconnect-1");
                break;
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException)
            {
                // That connection closed between its ping and the notice (a busy CI machine, the client reconnecting
                // after the previous test): the notice is sent on the next live one.
            }
        }

        await first.Closed.WaitAsync(Guard);
        var second = await Fake.LiveConnectionAsync(Guard);
        Assert.NotSame(first, second);
        await second.SendPingAsync("ping-after", "still-here");
        Assert.Equal(200, (int)(await second.AnswerToAsync("ping-after", Guard))["code"]!);
    }

    private static string NewId() => "msg" + Guid.NewGuid().ToString("N");
}
