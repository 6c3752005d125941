using System.Globalization;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tests.Support;
using HuaXin.Bot.Tests.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tests.MultiInstance;

/// <summary>Two service instances (each with its own queue workers, dispatcher, locks and caches) on one PostgreSQL
/// database, driven concurrently: no duplicate numbers, every notice delivered exactly once, no lost state.</summary>
public sealed class TwoInstanceTests
{
    [Fact]
    public async Task Two_instances_share_one_database_without_duplicates_or_losses()
    {
        var counterA = new CountingBot();
        await using var a = new ServiceHarness(DatabaseProvider.PostgreSQL, TicketFixture.Settings, bot: counterA);
        await a.InitializeAsync();
        var counterB = new CountingBot();
        await using var b = new ServiceHarness(DatabaseProvider.PostgreSQL, TicketFixture.Settings, a.ConnectionString, counterB);
        counterA.Store = a.Get<IConversationStateStore>();
        counterB.Store = b.Get<IConversationStateStore>();
        await b.InitializeAsync();
        var instances = new[] { a, b };

        // 60 inbound messages over 6 conversations, each delivered to BOTH instances (a channel redelivering).
        var messages = Enumerable.Range(0, 60).Select(i => (Key: $"test:m{i}", Conversation: $"c{i % 6}")).ToList();
        await Task.WhenAll(instances.Select(h => Task.Run(async () =>
        {
            foreach (var m in messages)
            {
                await h.Inbound.AcceptAsync(m.Key, Turn(m.Conversation, m.Key), $"addr:{m.Conversation}", default);
            }
        })));

        // 30 tickets created through both instances at once.
        var numbers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => TicketFixture.CreateAsync(instances[i % 2]))));

        // Both instances process and dispatch concurrently until nothing is left.
        await Task.WhenAll(instances.Select(h => Task.Run(async () =>
        {
            for (var idle = 0; idle < 3;)
            {
                var work = await h.Processor.ProcessDueAsync(default) + await h.Dispatcher.DispatchDueAsync(default);
                idle = work == 0 ? idle + 1 : 0;
            }
        })));

        Assert.Equal(30, numbers.Distinct().Count());
        // Each message's effects stored once across both; a turn that lost a race for its conversation's state to the
        // other instance was stored by neither and run again.
        Assert.True(counterA.Turns + counterB.Turns >= 60);
        var delivered = a.Sender.Delivered.Concat(b.Sender.Delivered).ToList();
        Assert.Equal(delivered.Count, delivered.Select(d => d.IdempotencyKey).Distinct().Count());
        Assert.Equal(60 + 30, delivered.Count); // one reply per message + one department post per ticket
        var outbox = await a.QueryAsync(db => db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(90, Assert.Single(outbox).Count);

        // Every conversation counted each of its 10 turns: no update was lost between the instances.
        var store = a.Get<IConversationStateStore>();
        for (var c = 0; c < 6; c++)
        {
            var state = await store.LoadAsync($"test:c{c}", default);
            Assert.Equal("10", state?.Json);
        }
    }

    private static InboundTurn Turn(string conversation, string text) =>
        new("test", conversation, "u-" + conversation, null, text, null, "zh-CN", DateTimeOffset.UnixEpoch);

    /// <summary>Counts the turns of each conversation in its persisted state, retrying on optimistic-concurrency conflicts
    /// (when the channel stores the turn's writes with its own commit, a conflict shows there and the channel runs the
    /// turn again).</summary>
    private sealed class CountingBot : ITurnHandler
    {
        private int _turns;

        public IConversationStateStore Store { get; set; } = null!;
        public int Turns => _turns;

        public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
        {
            while (true)
            {
                var state = await Store.LoadAsync(turn.ConversationKey, cancellationToken);
                var count = state is null ? 0 : int.Parse(state.Json, CultureInfo.InvariantCulture);
                try
                {
                    await Store.SaveAsync(turn.ConversationKey, (count + 1).ToString(CultureInfo.InvariantCulture), state?.Version ?? 0, cancellationToken);
                    Interlocked.Increment(ref _turns);
                    return [new OutboundMessage($"第{count + 1}条")];
                }
                catch (StateConflictException)
                {
                    // The other instance saved first: reload and count again.
                }
            }
        }
    }
}
