using System.Diagnostics;

namespace HuaXin.Bot.Observability;

/// <summary>Where a start spends its time: each phase logged at Debug (category HuaXin.Bot.Startup) with the time since
/// the process was created, so a slow cold start can be read from the log without a profiler.</summary>
public static class StartupPhases
{
    public const string Category = "HuaXin.Bot.Startup";

    public static void Log(ILogger logger, string phase)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var since = DateTime.Now - Process.GetCurrentProcess().StartTime;
            logger.LogDebug("Startup: {Phase} at {Milliseconds:F0} ms", phase, since.TotalMilliseconds);
        }
    }

    public static void Log(IServiceProvider services, string phase) =>
        Log(services.GetRequiredService<ILoggerFactory>().CreateLogger(Category), phase);
}
