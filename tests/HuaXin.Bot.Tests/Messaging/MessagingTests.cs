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
}

public sealed class MessagingTestsOnSqlite() : MessagingTests(DatabaseProvider.Sqlite);

public sealed class MessagingTestsOnPostgreSql() : MessagingTests(DatabaseProvider.PostgreSQL);
