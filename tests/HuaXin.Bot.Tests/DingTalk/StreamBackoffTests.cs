using System.Collections.Concurrent;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.DingTalk.Stream;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>Finding 14's second half: a gateway that accepts connections and drops them before any frame is not
/// hammered (the reconnect delay keeps growing), and the delay starts over only once a connection delivered a frame.
/// The real Stream client against the fake gateway's WebSocket; only its clock is replaced, so every delay it waits is
/// read instead of waited for.</summary>
public sealed class StreamBackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMinutes(1);

    /// <summary>A fake clock that remembers every delay asked of it.</summary>
    private sealed class RecordingClock : FakeTimeProvider
    {
        public ConcurrentQueue<TimeSpan> Delays { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Delays.Enqueue(dueTime);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    [Fact]
    public async Task Connections_dropped_before_any_frame_back_off_further_and_a_frame_starts_the_delay_over()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var ct = guard.Token;
        await using var fake = await FakeDingTalk.StartAsync();
        // Callback mode: the host's own Stream client stays off, the one below is the only one.
        await using var app = new DingTalkAppFactory(fake, DingTalkMode.Callback, settings: new Dictionary<string, string?>
        {
            ["DingTalk:StreamReconnectBaseDelay"] = "00:01:00",
            ["DingTalk:StreamReconnectMaxDelay"] = "01:00:00",
        });
        app.StartServer();
        var options = app.Services.GetRequiredService<IOptionsMonitor<DingTalkOptions>>();
        var clock = new RecordingClock();
        using var http = new HttpClient { BaseAddress = fake.BaseUrl };
        using var client = new DingTalkStreamService(new StreamGateway(http, options), app.Services.GetRequiredService<IServiceScopeFactory>(), options,
            clock, NullLogger<DingTalkStreamService>.Instance);
        await client.StartAsync(ct);

        var delays = new List<TimeSpan>();
        async Task<TimeSpan> DropAsync(GatewaySocket connection)
        {
            connection.Drop();
            while (clock.Delays.Count == delays.Count)
            {
                await Task.Delay(20, ct);
            }
            var delay = clock.Delays.ElementAt(delays.Count);
            delays.Add(delay);
            clock.Advance(delay);
            return delay;
        }

        // Three connections dropped at once: each wait is about twice the one before (full jitter in its upper half).
        for (var i = 0; i < 3; i++)
        {
            await DropAsync(await fake.Connections.Reader.ReadAsync(ct));
        }
        // The fourth works: a ping arrives and is answered. Then it drops too.
        var working = await fake.Connections.Reader.ReadAsync(ct);
        await working.SendPingAsync("ping-1", "o");
        await working.AnswerToAsync("ping-1", ct);
        var afterWorking = await DropAsync(working);
        await fake.Connections.Reader.ReadAsync(ct);
        await client.StopAsync(CancellationToken.None);

        Assert.InRange(delays[0], Base / 2, Base);
        Assert.InRange(delays[1], Base, Base * 2);
        Assert.InRange(delays[2], Base * 2, Base * 4);
        Assert.InRange(afterWorking, Base / 2, Base);
    }
}
