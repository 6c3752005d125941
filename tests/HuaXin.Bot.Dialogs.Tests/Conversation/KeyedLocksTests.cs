using HuaXin.Bot.Dialogs.Conversation;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

public sealed class KeyedLocksTests
{
    [Fact]
    public async Task Second_holder_of_a_key_waits_for_the_first_and_idle_keys_are_removed()
    {
        var locks = new KeyedLocks();
        var first = await locks.AcquireAsync("a", CancellationToken.None);
        var second = locks.AcquireAsync("a", CancellationToken.None);
        var other = await locks.AcquireAsync("b", CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
        other.Dispose();

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task Cancelled_waiter_does_not_leak_its_key()
    {
        var locks = new KeyedLocks();
        var held = await locks.AcquireAsync("a", CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = locks.AcquireAsync("a", cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, locks.Count);
    }
}
