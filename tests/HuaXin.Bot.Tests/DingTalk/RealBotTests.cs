using System.Net;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>End to end through everything real: callback or Stream → inbound queue → the dialogs → outbox → webhook.
/// Asserts only that a worker gets one non-empty answer, since the wording belongs to the dialogs.</summary>
public sealed class RealBotTests(RealBotCallbackFixture callback, RealBotStreamFixture stream)
    : IClassFixture<RealBotCallbackFixture>, IClassFixture<RealBotStreamFixture>
{
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    [Fact]
    public async Task Callback_message_is_answered_once_by_the_real_bot()
    {
        var fake = callback.Fake;
        var id = "msg" + Guid.NewGuid().ToString("N");
        var body = RobotMessages.Text(fake, id, "你好");
        for (var i = 0; i < 2; i++)
        {
            using var response = await callback.Client.SendAsync(RobotMessages.Callback(body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var reply = await fake.WaitForSentAsync(m => m.Target == id, Guard);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
        Assert.Equal(1, await callback.StoredInboundAsync(id));
    }

    [Fact]
    public async Task Stream_message_is_acked_and_answered_by_the_real_bot()
    {
        var fake = stream.Fake;
        var socket = await fake.LiveConnectionAsync(Guard);
        var id = "msg" + Guid.NewGuid().ToString("N");

        await socket.SendCallbackAsync("frame-" + id, RobotMessages.Text(fake, id, "困难职工帮扶怎么申请"));

        Assert.Equal(200, (int)(await socket.AnswerToAsync("frame-" + id, Guard))["code"]!);
        var reply = await fake.WaitForSentAsync(m => m.Target == id, Guard);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }
}
