using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HuaXin.Bot.Tests.Support;

/// <summary>The real host over a <see cref="TestDatabase"/>: a fresh one it removes when disposed, or one passed in that
/// outlives it (a second factory on the same database is the service restarted). Subclasses add their settings after
/// calling <see cref="ConfigureWebHost"/>, so theirs win.</summary>
public abstract class TestAppFactory(TestDatabase? database = null) : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase = database is null;

    public TestDatabase Database { get; } = database ?? new TestDatabase();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
