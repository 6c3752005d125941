using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>Runs the npm reference implementations in tests/npm. Without node the tests are skipped locally
/// (they return early) but fail under CI=true, where node is part of the toolchain.</summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string NpmDirectory([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "npm"));

    /// <summary>False when node is missing outside CI; installs tests/npm once when node_modules is missing.</summary>
    public static async Task<bool> EnsureAsync()
    {
        if (!CanRun("node"))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "node is required in CI for the DingTalk reference checks.");
            return false;
        }
        await InstallLock.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(NpmDirectory(), "node_modules", "dingtalk-stream")))
            {
                var (code, output) = await RunAsync("npm", ["ci", "--prefix", NpmDirectory()], TimeSpan.FromMinutes(5));
                Assert.True(code == 0, $"npm ci failed: {output}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
        return true;
    }

    public static Task<(int Code, string Output)> NodeAsync(string script, params string[] args) =>
        RunAsync("node", [Path.Combine(NpmDirectory(), script), .. args], TimeSpan.FromMinutes(1));

    /// <summary>Starts a long-running node script; lines it prints arrive through <paramref name="onLine"/>.</summary>
    public static Process StartNode(string script, Action<string> onLine, params string[] args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = NpmDirectory(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(NpmDirectory(), script));
        args.ToList().ForEach(start.ArgumentList.Add);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { onLine("stderr: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<(int, string)> RunAsync(string file, IEnumerable<string> args, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = NpmDirectory(), RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(guard.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static bool CanRun(string file)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
