using Microsoft.AspNetCore.Hosting;

namespace HuaXin.Bot.Tests.Support;

/// <summary>The real host over <paramref name="database"/> (a fresh one when not given; a second factory on the same
/// database is the same service restarted), with the shipped knowledge base and no file watcher.</summary>
public sealed class HuaXinAppFactory(TestDatabase? database = null, IReadOnlyDictionary<string, string?>? settings = null) : TestAppFactory(database)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Knowledge:Watch", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
