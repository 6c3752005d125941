using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.Tests.Support;
using Xunit.Abstractions;

namespace HuaXin.Bot.Tests.Resilience;

/// <summary>Hundreds of Bot Framework messages into the real service while it is SIGKILLed and restarted, its Bot
/// Connector failing 30% of calls (some only after longer than the lease) and every core kept busy by other processes:
/// every acknowledged message is answered, and an answer reaches the channel a second time only when a kill came
/// between (the service died after the channel took it and before recording that).</summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int Messages = 300;
    private const int Concurrency = 6;
    private const int Kills = 4;

    [Fact]
    public async Task Every_acknowledged_message_is_answered_exactly_once_through_kills_and_a_flaky_channel()
    {
        // Generous bound only against a hang; the run normally takes a few minutes on a busy machine.
        using var overall = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        var ct = overall.Token;
        // Every restart of the service is on this one database.
        using var database = new TestDatabase();
        await using var connector = await ChaosConnector.StartAsync(failureRate: 0.3, slowFailure: TimeSpan.FromSeconds(1.5));
        // Exactly-once must not depend on timing: timers and leases fire late when the CPU is busy.
        using var pressure = CpuPressure.Start();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Knowledge:Watch"] = "false",
            ["RateLimits:Enabled"] = "false",
            // Long enough that no answer is ever mistaken for a failure; every fault of the connector is a clear one.
            ["Bot:ConnectorAttemptTimeout"] = "00:00:30",
            ["Bot:ConnectorRetryBaseDelay"] = "00:00:00.020",
            ["Bot:ConnectorMaxRetries"] = "1",
            ["Messaging:PollInterval"] = "00:00:00.100",
            ["Messaging:BaseRetryDelay"] = "00:00:00.050",
            ["Messaging:MaxRetryDelay"] = "00:00:00.500",
            ["Messaging:MaxAttempts"] = "100",
            // A killed worker's claims come back quickly; a slow failure outlasts the lease, so it must be renewed.
            ["Messaging:Lease"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var service = await ServiceProcess.StartAsync(RepoPaths.Root, settings, ct);
        var acknowledged = new ConcurrentBag<string>();
        var next = -1;
        var kills = 0;
        var killedAt = new ConcurrentQueue<long>();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        async Task SubmitAsync()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Messages)
            {
                var id = $"m{n:D4}";
                // Like the Bot Connector, resend until acknowledged: a resend of a message that was stored before the
                // kill is a redelivery the service must recognise.
                while (!await PostAsync(id))
                {
                    await Task.Delay(50, ct);
                }
                acknowledged.Add(id);
            }
        }

        async Task<bool> PostAsync(string id)
        {
            try
            {
                using var response = await client.PostAsync(new Uri(Volatile.Read(ref service).BaseUrl, "api/messages"),
                    new StringContent(Activity(id, connector.BaseUrl), Encoding.UTF8, "application/json"), ct);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                // The service is being killed or restarted.
                return false;
            }
        }

        async Task ChaosAsync()
        {
            while (kills < Kills && Volatile.Read(ref next) < Messages)
            {
                var target = (kills + 1) * Messages / (Kills + 1);
                while (Volatile.Read(ref next) < target)
                {
                    await Task.Delay(20, ct);
                }
                service.Kill();
                killedAt.Enqueue(Stopwatch.GetTimestamp());
                kills++;
                await service.DisposeAsync();
                Volatile.Write(ref service, await ServiceProcess.StartAsync(RepoPaths.Root, settings, ct));
            }
        }

        await Task.WhenAll([.. Enumerable.Range(0, Concurrency).Select(_ => SubmitAsync()), ChaosAsync()]);
        var expected = acknowledged.Select(id => $"reply:emulator:{id}:0").ToHashSet();
        while (!expected.All(connector.AcceptedByKey.ContainsKey))
        {
            await Task.Delay(200, ct);
        }
        await service.DisposeAsync();

        Assert.Equal(Kills, kills);
        Assert.Equal(Messages, acknowledged.Count);
        Assert.True(connector.Failures > 30, $"only {connector.Failures} injected failures");
        Assert.All(connector.AcceptedByKey.Keys, key => Assert.StartsWith("reply:emulator:m", key));
        // Every answer belongs to a message that was sent. An answer accepted twice must have a kill between the two:
        // the service died after the channel took it and before the outbox recorded that (a channel that honours the
        // Idempotency-Key drops the second). Any other repeat is the service sending twice on its own.
        var unexplained = connector.AcceptedByKey
            .Select(kv => (Key: kv.Key, Times: kv.Value.Order().ToList()))
            .Where(a => a.Times.Count > 1 && !a.Times.Zip(a.Times.Skip(1)).All(pair => killedAt.Any(k => k > pair.First && k < pair.Second)))
            .Select(a => a.Key)
            .ToList();
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} answers accepted twice without a kill between: {string.Join(", ", unexplained)}");
        var repeated = connector.AcceptedByKey.Count(kv => kv.Value.Count > 1);
        output.WriteLine($"{acknowledged.Count} acknowledged, {connector.AcceptedByKey.Count} answered, {connector.Failures} injected failures, {kills} kills, {repeated} answers accepted twice (each across a kill)");
        Assert.True(repeated <= Kills, $"{repeated} answers accepted more than once across {Kills} kills");
    }

    private static string Activity(string id, string serviceUrl) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "user-" + id, ["name"] = "家属" },
        ["recipient"] = new JsonObject { ["id"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = "conv-" + id },
        ["text"] = "你好",
        ["locale"] = "zh-CN",
    }.ToJsonString();
}
