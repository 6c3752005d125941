using System.Runtime.CompilerServices;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Reports;
using HuaXin.Bot.Tests.Knowledge;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>The reports services as the host wires them (database, taxonomy, knowledge engine) over a fresh database and
/// docs folder, with the clock fixed after the first quarter of 2026.</summary>
internal sealed class ReportsHost : IAsyncDisposable
{
    /// <summary>Report time: 2026-04-05 00:00 China time, after Q1 2026 ended.</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 5, 0, 0, 0, TimeSpan.FromHours(8));

    private readonly TempDirectory _dir = new();
    private readonly TestDatabase _database = new();
    private readonly ServiceProvider _services;

    private ReportsHost(IReadOnlyDictionary<string, string?>? settings)
    {
        Directory.CreateDirectory(Docs);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_database.Settings).AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:DocsPath"] = Docs,
            ["Knowledge:LexiconPath"] = KnowledgeFixture.LexiconPath(),
            ["Knowledge:Watch"] = "false",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(Taxonomy.Load(TaxonomyPath()));
        services.AddHuaXinDatabase(configuration, _dir.Path);
        services.AddHuaXinKnowledge(configuration, _dir.Path);
        services.AddReports(configuration);
        _services = services.BuildServiceProvider();
    }

    // A clock's UtcNow is UTC; PostgreSQL stores no other offset.
    public FakeTimeProvider Time { get; } = new(Now.ToUniversalTime());

    /// <summary>The shipped taxonomy, found from this source file so it works whatever the build output folder is.</summary>
    private static string TaxonomyPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "knowledge", "taxonomy.yaml"));

    public string Docs => _dir.File("docs");

    public string TempFile(string name) => _dir.File(name);

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ReportsHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new ReportsHost(settings);
        await host._services.InitializeDatabaseAsync();
        await host._services.InitializeKnowledgeAsync();
        return host;
    }

    public async Task<T> QueryAsync<T>(Func<HuaXinDbContext, Task<T>> query)
    {
        await using var db = await Get<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async Task ExecuteAsync(Func<HuaXinDbContext, Task> change)
    {
        await using var db = await Get<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        await change(db);
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _database.Dispose();
        _dir.Dispose();
    }
}
