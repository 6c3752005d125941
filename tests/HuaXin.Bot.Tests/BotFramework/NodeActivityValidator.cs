using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Runs tests/npm/validate-activities.js: Microsoft's own Activity schema (@microsoft/agents-activity) as an
/// independent judge of what the bot emits.</summary>
public static class NodeActivityValidator
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    public static async Task AssertValidAsync(IEnumerable<JsonNode> activities)
    {
        var npm = Path.Combine(RepositoryRoot(), "tests", "npm");
        await EnsureInstalledAsync(npm);
        var file = Path.Combine(Path.GetTempPath(), $"bf-activities-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, new JsonArray(activities.Select(a => a.DeepClone()).ToArray()).ToJsonString());
        try
        {
            var (code, output) = await RunAsync("node", [Path.Combine(npm, "validate-activities.js"), file], npm);
            Assert.True(code == 0, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task EnsureInstalledAsync(string npm)
    {
        await InstallGate.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(npm, "node_modules", "@microsoft", "agents-activity")))
            {
                var (code, output) = await RunAsync("npm", ["ci", "--prefix", npm, "--no-audit", "--no-fund"], npm);
                Assert.True(code == 0, "npm ci failed: " + output);
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: only there so a broken install cannot hang the test run.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(hang.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>From this source file's compile-time path: test binaries may live outside the repository (--artifacts-path).</summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile)!, "..", "..", ".."));
}
