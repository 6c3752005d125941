using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Text;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>What the user "said" in a turn: a pressed button counts as typing its text.</summary>
public static class TurnText
{
    public static string Of(InboundTurn turn)
    {
        var raw = turn.Value is not null && turn.Value.TryGetValue(CardData.Action, out var action) ? action : turn.Text ?? "";
        // Control characters (pasted from other apps) carry no meaning; treat them as spaces.
        var cleaned = new string(raw.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return TextNormalizer.Normalize(cleaned);
    }
}
