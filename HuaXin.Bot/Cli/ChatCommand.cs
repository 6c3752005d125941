namespace HuaXin.Bot.Cli;

internal static class ChatCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
