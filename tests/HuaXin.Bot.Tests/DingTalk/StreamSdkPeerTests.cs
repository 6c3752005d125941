using System.Collections.Concurrent;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>Checks the fake Stream gateway against DingTalk's own Node SDK (DWClient), so the fake that the .NET client
/// is tested against speaks the real protocol: connect with a ticket, answer ping, ack a robot CALLBACK by messageId.</summary>
public sealed class StreamSdkPeerTests
{
    [Fact]
    public async Task Official_sdk_connects_answers_ping_and_acks_a_robot_message()
    {
        if (!await NodeTools.EnsureAsync())
        {
            return;
        }
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var fake = await FakeDingTalk.StartAsync();
        var lines = new ConcurrentQueue<string>();
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sdk = NodeTools.StartNode("dingtalk-stream-peer.mjs", line =>
            {
                lines.Enqueue(line);
                if (line == "robot sdk-msg")
                {
                    handled.TrySetResult();
                }
            },
            new Uri(fake.BaseUrl, "v1.0/gateway/connections/open").ToString(), FakeDingTalk.AppKey, FakeDingTalk.AppSecret);
        try
        {
            var socket = await fake.LiveConnectionAsync(guard.Token).WaitAsync(TimeSpan.FromSeconds(30))
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : throw new TimeoutException("SDK did not connect: " + string.Join("\n", lines)));

            await socket.SendPingAsync("sdk-ping", "opaque-sdk");
            var pong = await socket.AnswerToAsync("sdk-ping", guard.Token);
            Assert.Equal(200, (int)pong["code"]!);
            Assert.Equal("{\"opaque\":\"opaque-sdk\"}", (string?)pong["data"]);

            await socket.SendCallbackAsync("sdk-frame", RobotMessages.Text(fake, "sdk-msg", "你好"));
            var ack = await socket.AnswerToAsync("sdk-frame", guard.Token);
            Assert.Equal(200, (int)ack["code"]!);
            Assert.Equal("application/json", (string?)ack["headers"]!["contentType"]);
            // The SDK handed the message to its listener, so it parsed the frame the fake sent.
            await handled.Task.WaitAsync(guard.Token);
        }
        finally
        {
            sdk.Kill(entireProcessTree: true);
        }
    }
}
