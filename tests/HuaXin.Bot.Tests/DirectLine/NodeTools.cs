using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace HuaXin.Bot.Tests.DirectLine;

/// <summary>Finds node and the npm packages of tests/npm. Under CI (CI=true) a missing tool fails the test with the fix;
/// on a developer machine the test is skipped with the same message.</summary>
internal static class NodeTools
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string NpmDirectory => Path.Combine(RepositoryRoot(), "tests", "npm");

    /// <summary>Why the Node-based tests cannot run here, or null when they can.</summary>
    public static string? Missing()
    {
        if (!OnPath("node"))
        {
            return "node is not installed (apt-get install -y nodejs npm).";
        }
        return Directory.Exists(Path.Combine(NpmDirectory, "node_modules", "botframework-directlinejs"))
            ? null
            : $"npm packages are not installed: run 'npm ci' in {NpmDirectory}.";
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = NpmDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>The clone this test was built from (artifacts may live elsewhere, e.g. with --artifacts-path).</summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        var candidates = new[] { Path.GetDirectoryName(sourceFile), Environment.CurrentDirectory, AppContext.BaseDirectory };
        foreach (var start in candidates)
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HuaXin.Bot.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (HuaXin.Bot.sln).");
    }
}

/// <summary>A fact that needs node and tests/npm: skipped with a reason locally, never skipped under CI.</summary>
internal sealed class NodeFactAttribute : FactAttribute
{
    public NodeFactAttribute()
    {
        if (!NodeTools.IsCi && NodeTools.Missing() is { } reason)
        {
            Skip = reason;
        }
    }
}
