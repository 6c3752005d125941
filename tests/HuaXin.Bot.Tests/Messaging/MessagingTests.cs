using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tests.Messaging;

public abstract class MessagingTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_message_delivered_three_times_is_processed_and_answered_once()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();

        var accepted = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            accepted.Add(await h.Inbound.AcceptAsync("test:m1", ServiceHarness.Turn("你好"), "{\"to\":\"u1\"}", default));
        }
        await h.Processor.ProcessDueAsync(default);
        await h.Dispatcher.DispatchDueAsync(default);

        Assert.Equal([true, false, false], accepted);
        Assert.Equal(1, h.Bot.Calls);
        var delivered = Assert.Single(h.Sender.Delivered);
        Assert.Equal("收到：你好", delivered.Message.Text);
        Assert.Equal("{\"to\":\"u1\"}", delivered.Address);
    }

    [Fact]
    public async Task Concurrent_redeliveries_store_one_work_item()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => Task.Run(() => h.Inbound.AcceptAsync("test:same", ServiceHarness.Turn("x"), "{}", default))));

        Assert.Single(results, r => r);
        Assert.Equal(1, await h.QueryAsync(db => db.InboundMessages.CountAsync()));
    }

    [Fact]
    public async Task A_failing_turn_is_retried_after_backoff_and_answered_once()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();
        h.Bot.FailuresLeft = 1;

        await h.Inbound.AcceptAsync("test:m2", ServiceHarness.Turn("在吗"), "{}", default);
        await h.Processor.ProcessDueAsync(default);
        Assert.Equal(0, await h.QueryAsync(db => db.OutboxMessages.CountAsync()));

        // Not due yet: nothing happens until the backoff has passed.
        Assert.Equal(0, await h.Processor.ProcessDueAsync(default));
        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await h.Processor.ProcessDueAsync(default));
        await h.Dispatcher.DispatchDueAsync(default);

        Assert.Equal(2, h.Bot.Calls);
        Assert.Single(h.Sender.Delivered);
        var row = await h.QueryAsync(db => db.InboundMessages.SingleAsync());
        Assert.Equal(WorkStatus.Done, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Transient_delivery_failures_are_retried_then_delivered_once()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();
        h.Sender.TransientFailuresLeft = 2;

        await h.Outbox.EnqueueAsync("test", "{}", new OutboundMessage("工单已受理"), "ticket:1:accepted", default);
        for (var i = 0; i < 3; i++)
        {
            await h.Dispatcher.DispatchDueAsync(default);
            h.Time.Advance(TimeSpan.FromMinutes(10));
        }
        await h.Dispatcher.DispatchDueAsync(default);

        var delivered = Assert.Single(h.Sender.Delivered);
        Assert.Equal(3, delivered.Attempt);
        Assert.Equal(WorkStatus.Done, (await h.QueryAsync(db => db.OutboxMessages.SingleAsync())).Status);
    }

    [Fact]
    public async Task The_same_idempotency_key_is_queued_once()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();

        await h.Outbox.EnqueueAsync("test", "{}", new OutboundMessage("a"), "k1", default);
        await h.Outbox.EnqueueAsync("test", "{}", new OutboundMessage("a"), "k1", default);
        await h.Dispatcher.DispatchDueAsync(default);

        Assert.Single(h.Sender.Delivered);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_parked_with_its_error()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();
        h.Sender.TransientFailuresLeft = 100;

        await h.Outbox.EnqueueAsync("test", "{}", new OutboundMessage("a"), "k-park", default);
        for (var i = 0; i < 5; i++)
        {
            await h.Dispatcher.DispatchDueAsync(default);
            h.Time.Advance(TimeSpan.FromHours(1));
        }

        var row = await h.QueryAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal(WorkStatus.Parked, row.Status);
        Assert.Equal(3, row.Attempts); // Messaging:MaxAttempts in the harness
        Assert.Contains("502", row.LastError);
        Assert.Empty(h.Sender.Delivered);
    }

    [Fact]
    public async Task A_permanent_failure_is_parked_at_once()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();
        h.Sender.Permanent = true;

        await h.Outbox.EnqueueAsync("test", "{}", new OutboundMessage("a"), "k-perm", default);
        await h.Dispatcher.DispatchDueAsync(default);

        var row = await h.QueryAsync(db => db.OutboxMessages.SingleAsync());
        Assert.Equal(WorkStatus.Parked, row.Status);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_dispatcher_that_died_after_claiming_loses_nothing_and_sends_once()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();
        await h.Outbox.EnqueueAsync("test", "{}", new OutboundMessage("已办结"), "ticket:2:resolved", default);

        // Another instance claimed the message and was killed before sending: only its lease remains.
        var leaseUntil = h.Time.GetUtcNow().AddSeconds(60);
        await h.QueryAsync(db => db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil)));

        Assert.Equal(0, await h.Dispatcher.DispatchDueAsync(default));
        h.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await h.Dispatcher.DispatchDueAsync(default));
        Assert.Equal(0, await h.Dispatcher.DispatchDueAsync(default));

        Assert.Single(h.Sender.Delivered);
    }

    [Fact]
    public async Task A_turn_that_finishes_after_its_lease_was_taken_over_is_discarded_and_done_once_by_the_new_holder()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();
        h.Bot.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await h.Inbound.AcceptAsync("test:slow", ServiceHarness.Turn("慢"), "{}", default);

        var stalled = h.Processor.ProcessDueAsync(default);
        await h.Bot.Entered.Task.WaitAsync(Guard);
        // This worker stalled past its lease without renewing (a paused process); another instance claimed the item.
        var otherLease = h.Time.GetUtcNow().AddMinutes(5);
        await h.QueryAsync(db => db.InboundMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, otherLease)));
        h.Bot.Hold.SetResult();
        await stalled.WaitAsync(Guard);

        // The stalled worker's late result is fenced off: no reply, the item still the other worker's.
        Assert.Equal(0, await h.QueryAsync(db => db.OutboxMessages.CountAsync()));
        Assert.Equal(WorkStatus.Pending, (await h.QueryAsync(db => db.InboundMessages.SingleAsync())).Status);
        // That worker died too: once its lease ran out the item is processed again, and answered once.
        h.Bot.Hold = null;
        h.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await h.Processor.ProcessDueAsync(default));
        await h.Dispatcher.DispatchDueAsync(default);
        Assert.Equal(2, h.Bot.Calls);
        Assert.Equal("收到：慢", Assert.Single(h.Sender.Delivered).Message.Text);
    }

    [Fact]
    public async Task A_delivery_that_outlasts_its_lease_keeps_renewing_it_and_is_sent_once()
    {
        await using var h = new ServiceHarness(provider);
        await h.InitializeAsync();
        h.Sender.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await h.Outbox.EnqueueAsync("test", "{}", new OutboundMessage("慢"), "k-slow", default);

        var slow = h.Dispatcher.DispatchDueAsync(default);
        await h.Sender.Entered.Task.WaitAsync(Guard);
        // The send takes three leases (60 s each in the harness). Each second another worker looks for due work and
        // must find none, because the first keeps its lease a renewal (every 20 s) ahead.
        for (var second = 0; second < 180; second++)
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            var now = h.Time.GetUtcNow();
            while (await h.QueryAsync(db => db.OutboxMessages.Select(m => m.LeaseUntil).SingleAsync()) is not { } until || until - now < TimeSpan.FromSeconds(39))
            {
                await Task.Delay(5, Guard);
            }
            if (second % 10 == 0)
            {
                Assert.Equal(0, await h.Dispatcher.DispatchDueAsync(default));
            }
        }
        h.Sender.Hold.SetResult();
        Assert.Equal(1, await slow.WaitAsync(Guard));

        Assert.Single(h.Sender.Delivered);
        Assert.Equal(WorkStatus.Done, (await h.QueryAsync(db => db.OutboxMessages.SingleAsync())).Status);
    }

    /// <summary>Against a hang only; never a measure of speed.</summary>
    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}

public sealed class MessagingTestsOnSqlite() : MessagingTests(DatabaseProvider.Sqlite);

public sealed class MessagingTestsOnPostgreSql() : MessagingTests(DatabaseProvider.PostgreSQL);
