using HuaXin.Bot.Data;

namespace HuaXin.Bot.Cli;

/// <summary>"migrate": applies pending migrations to the configured database and exits (for deployments that run
/// with Database:MigrateOnStartup=false).</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddHuaXinServices();
        await using var app = builder.Build();
        await app.Services.MigrateDatabaseAsync();
        Console.WriteLine($"database is up to date ({app.Configuration[DatabaseOptions.Section + ":Provider"] ?? "Sqlite"})");
        return 0;
    }
}
