using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework.DirectLine;
using HuaXin.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Tests.DirectLine;

public sealed class DirectLineStreamTests
{
    [Fact]
    public async Task The_stream_sends_the_backlog_then_each_new_activity_with_its_watermark()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "早"));
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(session.StreamUrl), Hang.Guard);

        var backlog = await ReceiveActivitiesAsync(socket, count: 2);
        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "晚", "c-2"));
        var live = await ReceiveActivitiesAsync(socket, count: 2);

        Assert.Equal(["早", "收到：早"], backlog.Activities);
        Assert.Equal(["晚", "收到：晚"], live.Activities);
        Assert.Equal("4", live.Watermark);
    }

    [Fact]
    public async Task The_stream_resumes_after_the_watermark_in_its_url()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "一"));
        await DirectLineHost.ReadJsonAsync(await host.PostMessageAsync(session, "二"));
        var reconnect = await DirectLineHost.ReadJsonAsync(await host.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{session.ConversationId}?watermark=2", session.Token));

        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(reconnect["streamUrl"]!.GetValue<string>()), Hang.Guard);
        var resumed = await ReceiveActivitiesAsync(socket, count: 2);

        Assert.Equal(["二", "收到：二"], resumed.Activities);
    }

    [Fact]
    public async Task An_idle_stream_sends_empty_keep_alive_frames()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        var interval = host.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.KeepAliveInterval;
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(session.StreamUrl), Hang.Guard);

        var frame = ReceiveTextAsync(socket);
        // The stream waits on the test's clock; move it until the stream has noticed the time passing.
        while (!frame.IsCompleted)
        {
            host.Time.Advance(interval);
            await Task.WhenAny(frame, Task.Delay(20, Hang.Guard));
        }

        Assert.Equal("", await frame);
    }

    [Fact]
    public async Task An_activity_stored_by_another_instance_reaches_the_stream_through_polling()
    {
        await using var host = new DirectLineHost();
        var session = await host.StartAsync();
        using var socket = await host.Server.CreateWebSocketClient().ConnectAsync(new Uri(session.StreamUrl), Hang.Guard);
        // Another instance shares the database but not this instance's in-process notifier.
        var factory = host.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>();
        await using var otherWriter = new GroupCommit(factory, Options.Create(new DatabaseOptions()), NullLogger<GroupCommit>.Instance);
        using var otherInstance = new DirectLineStore(factory, otherWriter, new DirectLineNotifier(), host.Time, Options.Create(new DatabaseOptions()));

        await otherInstance.AppendAsync(session.ConversationId, "other", _ => """{"type":"message","text":"另一实例"}""", Hang.Guard);
        var frame = ReceiveTextAsync(socket);
        string text;
        while (true)
        {
            while (!frame.IsCompleted)
            {
                host.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.WhenAny(frame, Task.Delay(20, Hang.Guard));
            }
            text = await frame;
            if (text.Length > 0)
            {
                break;
            }
            frame = ReceiveTextAsync(socket);
        }

        Assert.Equal("另一实例", JsonNode.Parse(text)!["activities"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stream_url_of_another_conversation_is_refused()
    {
        await using var host = new DirectLineHost();
        var mine = await host.StartAsync();
        var theirs = await host.StartAsync();
        var stolen = theirs.StreamUrl[..theirs.StreamUrl.IndexOf("&t=", StringComparison.Ordinal)] + mine.StreamUrl[mine.StreamUrl.IndexOf("&t=", StringComparison.Ordinal)..];

        await Assert.ThrowsAnyAsync<Exception>(() => host.Server.CreateWebSocketClient().ConnectAsync(new Uri(stolen), Hang.Guard));
    }

    private static async Task<(List<string> Activities, string Watermark)> ReceiveActivitiesAsync(WebSocket socket, int count)
    {
        var texts = new List<string>();
        var watermark = "";
        while (texts.Count < count)
        {
            var frame = await ReceiveTextAsync(socket);
            if (frame.Length == 0)
            {
                continue;
            }
            var set = JsonNode.Parse(frame)!;
            texts.AddRange(set["activities"]!.AsArray().Select(a => a!["text"]!.GetValue<string>()));
            watermark = set["watermark"]!.GetValue<string>();
        }
        return (texts, watermark);
    }

    private static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, Hang.Guard);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
