using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>A predictable bot: echoes the text, so each reply names the message it answers. "卡片" gets a card.</summary>
public sealed class EchoTurnHandler : ITurnHandler
{
    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        OutboundMessage reply = turn.Text == "卡片"
            ? new OutboundMessage("困难职工帮扶：可申请", new Card("answer", "困难职工帮扶", "可申请一次性救助。",
                [new CardFact("来源", "《困难职工帮扶救助管理办法》第五条")],
                [new CardButton("确认", "确认", new Dictionary<string, string> { ["action"] = "确认" })]), ["有用", "没用"])
            : new OutboundMessage($"收到：{turn.Text}");
        return Task.FromResult<IReadOnlyList<OutboundMessage>>([reply]);
    }
}
