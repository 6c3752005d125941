using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.People;
using HuaXin.Bot.Tests.Knowledge;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.Data;

/// <summary>Databases out there were made by earlier migrations: they must upgrade in place, keeping their rows, and
/// the migrations must describe the whole current model.</summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task A_database_made_by_the_first_migration_upgrades_and_keeps_its_tickets()
    {
        await using var h = new ServiceHarness();
        await using (var db = await h.Get<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync())
        {
            var first = db.Database.GetMigrations().First();
            await db.GetService<IMigrator>().MigrateAsync(first);
            // A ticket as the first release stored it (no RequestKey column yet).
            var now = DateTimeOffset.UtcNow;
            // SQLite keeps instants in the converter's binary form (see HuaXinDbContext.ConfigureConventions).
            var at = db.Database.IsSqlite() ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)! : now;
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"ServiceRequests\" (\"Number\", \"Category\", \"Department\", \"Channel\", \"UserId\", \"SlotsJson\", \"OriginalText\", " +
                "\"Urgent\", \"Status\", \"CreatedAt\", \"UpdatedAt\", \"FirstContactDue\", \"ResolveDue\", \"Supervised\", \"Version\") " +
                "VALUES ('HX-20261101-0001', 'medical', '集团工会', 'test', 'u1', '{{}}', '我妈住院了', FALSE, '待受理', {0}, {0}, {0}, {0}, FALSE, 0)", at);
        }

        await h.InitializeAsync();

        await using var upgraded = await h.Get<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        Assert.Empty(await upgraded.Database.GetPendingMigrationsAsync());
        var ticket = await upgraded.ServiceRequests.SingleAsync();
        Assert.Equal(("HX-20261101-0001", null), (ticket.Number, ticket.RequestKey));
    }

    [Fact]
    public async Task Workers_chat_ids_move_to_their_own_rows_when_the_database_upgrades()
    {
        await using var h = new ServiceHarness();
        await using (var db = await h.Get<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_A17WorkerChannelIdentities", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            // Workers as the roster stored them with DingTalkId/TeamsId columns; two shared one DingTalk id, one had an empty cell.
            var now = DateTimeOffset.UtcNow;
            var at = db.Database.IsSqlite() ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)! : now;
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"Worker\" (\"StaffId\", \"Name\", \"Unit\", \"DingTalkId\", \"TeamsId\", \"RegisteredAt\", \"Priority\") VALUES " +
                "('A001', '张一', '一车间', 'dt-1', NULL, {0}, FALSE), ('A002', '张二', '一车间', 'dt-1', 'teams-2', {0}, FALSE), " +
                "('A003', '张三', '二车间', '', NULL, {0}, FALSE)", at);
        }

        await h.InitializeAsync();

        await using var upgraded = await h.Get<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        var identities = await upgraded.Set<WorkerChannelIdentity>()
            .Join(upgraded.Set<Worker>(), i => i.WorkerId, w => w.Id, (i, w) => new { w.StaffId, i.Channel, i.ExternalId })
            .OrderBy(x => x.StaffId).ThenBy(x => x.Channel).ToListAsync();
        // A shared id stays with the worker who had it first, as the unique index demands.
        Assert.Equal([("A001", ChannelNames.DingTalk, "dt-1"), ("A002", ChannelNames.Teams, "teams-2")],
            identities.Select(x => (x.StaffId, x.Channel, x.ExternalId)));
    }

    [Fact]
    public async Task A_first_run_creates_its_SQLite_database_without_warnings()
    {
        using var database = new TestDatabase(DatabaseProvider.Sqlite);
        var logs = new ListLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Information));
        services.AddHuaXinDatabase(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build(), RepoPaths.Root);
        await using var provider = services.BuildServiceProvider();

        await provider.MigrateDatabaseAsync();

        await using var db = await provider.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Warning).Select(e => e.Message));
    }

    [Fact]
    public async Task The_migrations_describe_the_whole_model()
    {
        await using var h = new ServiceHarness();
        await using var db = await h.Get<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: bash scripts/add-migration.sh <Name>");
    }
}
