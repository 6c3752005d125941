using System.Collections.Concurrent;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Conversations;
using HuaXin.Bot.Families;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.Support;

/// <summary>The service's real parts (inbound queue, outbox, dispatcher, tickets) over a real database, without the
/// web host, driven step by step with a fake clock. The bot is an echo and the only channel a recorder.</summary>
internal sealed class ServiceHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestDatabase? _database;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    public RecordingSender Sender { get; } = new("test");
    public EchoBot Bot { get; } = new();

    /// <param name="provider">The test run's provider (<see cref="TestDatabase.DefaultProvider"/>) when not given.</param>
    /// <param name="sharedConnectionString">Join an existing database (another "instance" of the service); not dropped here.</param>
    public ServiceHarness(DatabaseProvider? provider = null, IReadOnlyDictionary<string, string?>? settings = null,
        string? sharedConnectionString = null, ITurnHandler? bot = null)
    {
        var chosen = provider ?? TestDatabase.DefaultProvider;
        _database = sharedConnectionString is null ? new TestDatabase(chosen) : null;
        ConnectionString = sharedConnectionString ?? _database!.ConnectionString;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = chosen.ToString(),
            ["ConnectionStrings:HuaXin"] = ConnectionString,
            ["Messaging:MaxAttempts"] = "3",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddHuaXinDatabase(configuration, RepoPaths.Root);
        services.AddMessaging(configuration);
        services.AddConversations(configuration, RepoPaths.Root);
        services.AddTickets(configuration);
        services.AddFamilies(configuration);
        services.AddSingleton<ITurnHandler>(bot ?? Bot);
        services.AddSingleton<IChannelSender>(Sender);
        _services = services.BuildServiceProvider();
    }

    public string ConnectionString { get; }

    public IInboundQueue Inbound => _services.GetRequiredService<IInboundQueue>();
    public IOutbox Outbox => _services.GetRequiredService<IOutbox>();
    public InboundProcessor Processor => _services.GetRequiredService<InboundProcessor>();
    public OutboxDispatcher Dispatcher => _services.GetRequiredService<OutboxDispatcher>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public async Task InitializeAsync() => await _services.InitializeDatabaseAsync();

    public async Task<T> QueryAsync<T>(Func<HuaXinDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static InboundTurn Turn(string text) =>
        new("test", "c1", "u1", "用户", text, null, "zh-CN", DateTimeOffset.UnixEpoch);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database?.Dispose();
    }
}

/// <summary>Answers every turn with "收到：{text}"; can be told to fail the next calls, or to hold a turn until released.</summary>
internal sealed class EchoBot : ITurnHandler
{
    public int Calls;
    public int FailuresLeft;

    /// <summary>While set, each turn waits for it after signalling <see cref="Entered"/>.</summary>
    public TaskCompletionSource? Hold;
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        if (Interlocked.Decrement(ref FailuresLeft) >= 0)
        {
            throw new InvalidOperationException("bot down");
        }
        if (Hold is { } hold)
        {
            Entered.TrySetResult();
            await hold.Task.WaitAsync(cancellationToken);
        }
        return [new OutboundMessage($"收到：{turn.Text}")];
    }
}

/// <summary>Records delivered messages; can fail transiently or permanently on demand, or hold a send until released.</summary>
internal sealed class RecordingSender(string channel) : IChannelSender
{
    public ConcurrentQueue<OutboxItem> Delivered { get; } = new();
    public int TransientFailuresLeft;
    public bool Permanent;

    /// <summary>While set, each send waits for it after signalling <see cref="Entered"/>.</summary>
    public TaskCompletionSource? Hold;
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Channel => channel;

    public async Task SendAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        if (Permanent)
        {
            throw new PermanentDeliveryException("conversation gone");
        }
        if (Interlocked.Decrement(ref TransientFailuresLeft) >= 0)
        {
            throw new HttpRequestException("502 from channel");
        }
        if (Hold is { } hold)
        {
            Entered.TrySetResult();
            await hold.Task.WaitAsync(cancellationToken);
        }
        Delivered.Enqueue(item);
    }
}
