namespace HuaXin.Bot.Cli;

internal static class EvalCommand
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
