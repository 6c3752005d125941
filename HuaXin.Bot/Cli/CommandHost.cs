using Microsoft.Extensions.Logging.Console;

namespace HuaXin.Bot.Cli;

/// <summary>Builds the service's full dependency graph for a command, without starting the web server or workers.</summary>
internal static class CommandHost
{
    public static async Task<WebApplication> BuildAsync(string[] args, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }
        // Commands talk on the terminal; only warnings from the service belong there. A rule for the console provider
        // outranks appsettings.json's category levels, which would otherwise print info lines into a chat.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.AddHuaXinServices();
        var app = builder.Build();
        await app.Services.InitializeHuaXinAsync();
        return app;
    }
}
