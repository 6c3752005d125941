using System.Diagnostics;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Hosting;

/// <summary>The terminal chat as the README runs it (<c>dotnet run --project HuaXin.Bot -- chat</c>, whose content root
/// holds appsettings.json with its Information levels): the conversation alone on the terminal.</summary>
public sealed class ChatCommandTests
{
    [Fact]
    public async Task The_terminal_chat_shows_the_conversation_without_log_lines()
    {
        using var folder = new TempDirectory();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "HuaXin.Bot.dll"), "chat",
                     "--contentRoot", Path.Combine(RepoPaths.Root, "HuaXin.Bot"),
                     $"--ConnectionStrings:HuaXin=Data Source={folder.File("chat.db")}",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync("困难帮扶有啥条件\n退出\n");
        process.StandardInput.Close();
        // A guard against a hung child, not a time the test asserts.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = await process.StandardOutput.ReadToEndAsync(guard.Token);
        await process.WaitForExitAsync(guard.Token);

        Assert.True(process.ExitCode == 0, await error);
        Assert.Contains("《困难职工帮扶救助管理办法》第五条", output);
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("info:", StringComparison.Ordinal));
    }
}
