using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace HuaXin.Bot.E2E;

/// <summary>Debian's Chromium, the only browser Playwright can drive here (it cannot download its own builds).</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";
    private const string CjkFont = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    public static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests cannot run here, or null when they can. Without the CJK font Chinese renders as boxes.</summary>
    public static string? Missing() => File.Exists(ExecutablePath) && File.Exists(CjkFont)
        ? null
        : "Chromium and a Chinese font are needed: apt-get install -y chromium fonts-wqy-microhei";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });

    /// <summary>Console errors and uncaught exceptions of the page, collected for a final Assert.Empty. A missing
    /// favicon is the browser's request, not the page's problem.</summary>
    public static List<string> CollectProblems(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && !message.Location.Contains("/favicon.ico")) problems.Add($"{message.Location}: {message.Text}"); };
        page.PageError += (_, error) => problems.Add(error);
        return problems;
    }

    /// <summary>tests/HuaXin.Bot.E2E/TestResults in the clone this test was built from (ignored by git).</summary>
    public static string ResultsDirectory([CallerFilePath] string sourceFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(sourceFile) is { Length: > 0 } dir && Directory.Exists(dir) ? dir : AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(directory);
        return directory;
    }
}

/// <summary>A fact that needs Chromium: skipped with a reason locally, never skipped under CI (it fails instead).</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.IsCi && Chromium.Missing() is { } reason)
        {
            Skip = reason;
        }
    }
}
