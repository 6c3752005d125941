using System.Collections.Concurrent;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Tests.DirectLine;

/// <summary>A turn handler with known answers: "卡片" gets a card with a button, "出错" throws, anything else "收到：{text}".
/// Records every turn so tests can see what the channel passed on.</summary>
internal sealed class ScriptedBot : ITurnHandler
{
    public ConcurrentQueue<InboundTurn> Turns { get; } = new();

    /// <summary>While set, each turn waits for it (or for cancellation) after signalling <see cref="Entered"/>.</summary>
    public TaskCompletionSource? Hold { get; set; }
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        if (Hold is { } hold)
        {
            Entered.TrySetResult();
            await hold.Task.WaitAsync(cancellationToken);
        }
        IReadOnlyList<OutboundMessage> replies = turn.Text switch
        {
            "出错" => throw new InvalidOperationException("scripted failure"),
            "卡片" =>
            [
                new OutboundMessage(
                    "《困难职工帮扶救助管理办法》第五条：……",
                    new Card("answer", "帮扶救助条件", "家庭人均收入低于当地最低生活保障标准。",
                        [new CardFact("来源", "《困难职工帮扶救助管理办法》第五条")],
                        [new CardButton("有用", "有用", new Dictionary<string, string> { ["action"] = "有用" })]),
                    ["查询进度"]),
            ],
            _ => [new OutboundMessage($"收到：{turn.Text ?? turn.Value?["action"]}")],
        };
        return replies;
    }
}
