using System.Data.Common;
using HuaXin.Bot.Data.PostgreSql;
using HuaXin.Bot.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HuaXin.Bot.Data;

public static class DatabaseExtensions
{
    /// <summary>Registers <see cref="HuaXinDbContext"/> for the configured provider. With no configuration:
    /// a SQLite file App_Data/huaxin.db under the content root.</summary>
    public static IServiceCollection AddHuaXinDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var provider = configuration.GetValue(DatabaseOptions.Section + ":Provider", DatabaseProvider.Sqlite);
        var connectionString = configuration.GetConnectionString("HuaXin");
        // Pooled contexts: a turn opens two or three, and making each afresh (its service scope, change tracker, state
        // manager) was a third of a Direct Line post's CPU. A pooled one is reset when it goes back; the contexts hold
        // nothing of their own beyond the options.
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(connectionString, contentRoot);
                var synchronous = configuration.GetValue(DatabaseOptions.Section + ":SqliteSynchronous", SqliteSynchronous.Full);
                // A table rebuild switches foreign keys off around its own transaction, as SQLite prescribes; EF Core warns
                // that this PRAGMA runs outside the transaction on every new database, which only alarmed first runs.
                services.AddPooledDbContextFactory<SqliteHuaXinDbContext>(o => o.UseSqlite(sqlite).AddInterceptors(new NulStripping(), new SqliteSettings(synchronous))
                    .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))));
                services.AddScoped<HuaXinDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteHuaXinDbContext>>().CreateDbContext());
                services.AddSingleton<IDbContextFactory<HuaXinDbContext>, UpcastFactory<SqliteHuaXinDbContext>>();
                break;
            case DatabaseProvider.PostgreSQL:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is PostgreSQL but ConnectionStrings:HuaXin is empty, e.g. \"Host=127.0.0.1;Port=5432;Username=huaxin;Password=…;Database=huaxin\".");
                }
                var postgreSql = PostgreSqlConnectionString(connectionString);
                services.AddPooledDbContextFactory<PostgreSqlHuaXinDbContext>(o => o.UseNpgsql(postgreSql).AddInterceptors(new NulStripping()));
                services.AddScoped<HuaXinDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgreSqlHuaXinDbContext>>().CreateDbContext());
                services.AddSingleton<IDbContextFactory<HuaXinDbContext>, UpcastFactory<PostgreSqlHuaXinDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unsupported Database:Provider '{provider}'.");
        }
        services.AddSingleton<GroupCommit>();
        return services;
    }

    /// <summary>Applies pending migrations when Database:MigrateOnStartup is on (the default); otherwise the
    /// "migrate" command does it, e.g. as a deployment step before several instances start.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await services.MigrateDatabaseAsync(cancellationToken);
        }
    }

    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Kept in the file; a database copied in from elsewhere may still have the rollback journal.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        // The usual start has nothing to apply: one read of the history instead of the migration lock and model diff.
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (db.Database.GetMigrations().All(applied.Contains))
        {
            return;
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Relative SQLite paths are taken from the content root, and the folder is created, so a first run just works.</summary>
    internal static string SqliteConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/huaxin.db" : configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        // Readers and the writer don't block each other in WAL mode; busy writers wait instead of failing.
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        return builder.ToString();
    }

    /// <summary>Defaults for the turn path, each kept only where the connection string does not say otherwise: the
    /// same few statements run on every turn, so Npgsql prepares them once per connection (Max Auto Prepare); and a
    /// connection going back to the pool is not reset with DISCARD ALL (No Reset On Close), a round trip for nothing,
    /// as no code here changes session settings. Together: PostgreSQL's CPU per Q&A turn 0.5 -> 0.3 ms.</summary>
    internal static string PostgreSqlConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);
        var given = new DbConnectionStringBuilder { ConnectionString = configured }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        if (!given.Contains("maxautoprepare"))
        {
            builder.MaxAutoPrepare = 32;
        }
        if (!given.Contains("noresetonclose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    private sealed class UpcastFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<HuaXinDbContext> where T : HuaXinDbContext
    {
        public HuaXinDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
