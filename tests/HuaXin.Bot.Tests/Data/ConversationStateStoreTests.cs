using HuaXin.Bot.Conversations;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tests.Data;

/// <summary>The state's conditional update is SQL made from the model: it must store what EF Core would (the version,
/// the JSON and the timestamp in the provider's stored form) and decline a stale version. Runs on each provider.</summary>
public sealed class ConversationStateStoreTests : IAsyncLifetime
{
    private readonly ServiceHarness _harness = new();

    public Task InitializeAsync() => _harness.InitializeAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task An_update_stores_the_new_json_version_and_time()
    {
        var store = _harness.Get<IConversationStateStore>();
        await store.SaveAsync("test:c1", """{"step":1}""", 0, CancellationToken.None);
        _harness.Time.Advance(TimeSpan.FromMinutes(5));

        await store.SaveAsync("test:c1", """{"step":2}""", 1, CancellationToken.None);

        var row = await _harness.QueryAsync(db => db.ConversationStates.AsNoTracking().SingleAsync(s => s.Key == "test:c1"));
        Assert.Equal("""{"step":2}""", row.Json);
        Assert.Equal(2, row.Version);
        Assert.Equal(_harness.Time.GetUtcNow(), row.UpdatedAt);
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_declined_and_changes_nothing()
    {
        var store = _harness.Get<IConversationStateStore>();
        await store.SaveAsync("test:c1", """{"step":1}""", 0, CancellationToken.None);
        await store.SaveAsync("test:c1", """{"step":2}""", 1, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => store.SaveAsync("test:c1", """{"step":"other"}""", 1, CancellationToken.None));

        var row = await _harness.QueryAsync(db => db.ConversationStates.AsNoTracking().SingleAsync(s => s.Key == "test:c1"));
        Assert.Equal(("""{"step":2}""", 2L), (row.Json, row.Version));
    }
}
