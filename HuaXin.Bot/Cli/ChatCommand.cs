using System.Text;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Cli;

/// <summary>"chat": a terminal conversation over the same pipeline as every channel, for newcomers and for staff
/// checking the knowledge base. Buttons are answered by typing their text.</summary>
internal static class ChatCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        Console.InputEncoding = Encoding.UTF8;
        Console.OutputEncoding = Encoding.UTF8;
        await using var app = await CommandHost.BuildAsync(args);
        var bot = app.Services.GetRequiredService<ITurnHandler>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var conversationId = "console-" + Guid.NewGuid().ToString("N")[..8];
        var userId = Environment.UserName;

        Console.WriteLine("华新职工家庭服务助手（终端）。输入问题或诉求，输入「退出」结束。");
        await PrintAsync(bot, NewTurn("你好"));
        while (true)
        {
            Console.Write("\n你：");
            var line = Console.ReadLine();
            if (line is null || line.Trim() is "退出" or "exit" or "quit")
            {
                return 0;
            }
            if (!string.IsNullOrWhiteSpace(line))
            {
                await PrintAsync(bot, NewTurn(line));
            }
        }

        InboundTurn NewTurn(string text) => new(ChannelNames.Terminal, conversationId, userId, userId, text, null, "zh-CN", time.GetUtcNow());
    }

    private static async Task PrintAsync(ITurnHandler bot, InboundTurn turn)
    {
        foreach (var message in await bot.HandleAsync(turn, CancellationToken.None))
        {
            Console.WriteLine($"\n助手：{message.Text}");
            // A card's text already ends with its buttons as replies; list only the suggestions it does not name.
            var hint = message.Text.LastIndexOf("（可回复：", StringComparison.Ordinal) is var at and >= 0 ? message.Text[at..] : "";
            if (message.SuggestedReplies?.Where(r => !hint.Contains(r, StringComparison.Ordinal)).ToList() is { Count: > 0 } replies)
            {
                Console.WriteLine($"  （可回复：{string.Join(" / ", replies)}）");
            }
        }
    }
}
