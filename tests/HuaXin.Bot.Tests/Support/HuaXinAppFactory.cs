using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HuaXin.Bot.Tests.Support;

/// <summary>The real host over a SQLite file in <paramref name="databaseFolder"/> (a second factory on the same folder is
/// the same service restarted), with the shipped knowledge base and no file watcher.</summary>
public sealed class HuaXinAppFactory(string databaseFolder, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DatabasePath => Path.Combine(databaseFolder, "bot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:HuaXin", $"Data Source={DatabasePath}");
        builder.UseSetting("Knowledge:Watch", "false");
        // Later settings win: a test may point the same host at PostgreSQL.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
