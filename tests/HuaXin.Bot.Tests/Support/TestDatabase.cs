using HuaXin.Bot.Data;

namespace HuaXin.Bot.Tests.Support;

/// <summary>A fresh database for one test host: a SQLite file in a temp folder, or a new database on
/// <see cref="PostgresServer"/>. The provider is the one HUAXIN_TEST_PROVIDER names (Sqlite when unset) unless the test
/// chooses one. The database lives until disposed, so a second host on it is the same service restarted.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempDirectory? _folder;
    private int _disposed;

    /// <summary>The provider of this test run: scripts/test.sh runs the host-level suites once more on PostgreSQL.</summary>
    public static DatabaseProvider DefaultProvider { get; } = FromEnvironment();

    public TestDatabase() : this(DefaultProvider)
    {
    }

    public TestDatabase(DatabaseProvider provider)
    {
        Provider = provider;
        if (provider == DatabaseProvider.PostgreSQL)
        {
            ConnectionString = PostgresServer.CreateDatabase();
        }
        else
        {
            _folder = new TempDirectory();
            ConnectionString = $"Data Source={_folder.File("bot.db")}";
        }
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The settings that point a host at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:HuaXin"] = ConnectionString,
    };

    public void Dispose()
    {
        // Factories dispose on both their sync and async paths.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (_folder is null)
        {
            PostgresServer.DropDatabase(ConnectionString);
        }
        else
        {
            _folder.Dispose();
        }
    }

    private static DatabaseProvider FromEnvironment()
    {
        var name = Environment.GetEnvironmentVariable("HUAXIN_TEST_PROVIDER");
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }
        // A misspelt provider must not quietly run everything on SQLite again.
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"HUAXIN_TEST_PROVIDER is '{name}'; use Sqlite or PostgreSQL.");
    }
}
