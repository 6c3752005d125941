namespace HuaXin.Bot.Core;

/// <summary>Keys of a card button's Data, which every channel hands back unchanged when the button is pressed.</summary>
public static class CardData
{
    /// <summary>What the button does (e.g. "accept").</summary>
    public const string Action = "action";

    /// <summary>The ticket number a button acts on.</summary>
    public const string Ticket = "ticket";
}
