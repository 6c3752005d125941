using HuaXin.Bot.Data;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HuaXin.Bot.Tests.Data;

/// <summary>A write whose caller holds the reply commits without waiting for the disk; any other write, and any batch
/// that holds one, waits as configured, also right after a relaxed commit on the same pooled connection. Runs on each
/// provider: SQLite's <c>synchronous</c> level, PostgreSQL's <c>synchronous_commit</c>.</summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private static readonly bool Sqlite = TestDatabase.DefaultProvider == DatabaseProvider.Sqlite;
    private readonly ServiceHarness _database = new();
    private ServiceHarness _harness = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        // The tests' PostgreSQL cluster commits asynchronously throughout; these connections ask for a durable default.
        _harness = Sqlite ? _database : new ServiceHarness(sharedConnectionString: _database.ConnectionString + ";Options=-c synchronous_commit=on");
    }

    public async Task DisposeAsync()
    {
        if (_harness != _database)
        {
            await _harness.DisposeAsync();
        }
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Only_a_write_whose_caller_holds_the_reply_skips_the_sync()
    {
        var commit = _harness.Get<GroupCommit>();

        var relaxed = await LevelAsync(commit, durable: false);
        var durable = await LevelAsync(commit, durable: true);
        var relaxedAgain = await LevelAsync(commit, durable: false);
        var durableAgain = await LevelAsync(commit, durable: true);

        Assert.Equal(Sqlite ? ["1", "2", "1", "2"] : ["off", "on", "off", "on"], [relaxed, durable, relaxedAgain, durableAgain]);
    }

    [Fact]
    public async Task A_relaxed_write_is_committed()
    {
        var commit = _harness.Get<GroupCommit>();

        var kept = await commit.WriteAsync((db, _) =>
        {
            db.ConversationStates.Add(new ConversationStateRow { Key = "test:relaxed", Json = "{}", Version = 1, UpdatedAt = _harness.Time.GetUtcNow() });
            return Task.FromResult(true);
        }, CancellationToken.None, durable: false);

        Assert.True(kept);
        Assert.Equal(1, await _harness.QueryAsync(db => db.ConversationStates.CountAsync(s => s.Key == "test:relaxed")));
    }

    private static async Task<string> LevelAsync(GroupCommit commit, bool durable)
    {
        string? level = null;
        await commit.WriteAsync(async (db, ct) =>
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = db.Database.IsSqlite() ? "PRAGMA synchronous" : "SHOW synchronous_commit";
            level = Convert.ToString(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            return true;
        }, CancellationToken.None, durable);
        return level!;
    }
}
