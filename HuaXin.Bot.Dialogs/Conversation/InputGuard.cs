using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Turns away input the bot cannot work with, before any state is loaded or changed.</summary>
public static class InputGuard
{
    public const int MaxLength = 2000;

    /// <returns>The reply to send instead of running the bot, or null when the input is fine.</returns>
    public static OutboundMessage? Check(InboundTurn turn, string text)
    {
        if ((turn.Text?.Length ?? 0) > MaxLength || text.Length > MaxLength)
            return new OutboundMessage($"消息太长了（超过{MaxLength}字），请简短说说您想问的政策或要办的事。");
        return text.Length == 0
            ? new OutboundMessage("没有收到文字内容。请直接打字告诉我您想问什么或要办什么，例如：困难帮扶有啥条件。")
            : null;
    }
}
