namespace HuaXin.Bot.Core;

/// <summary>Values of a card's Kind: what the card is, which decides how a channel renders it (a staff ticket card
/// refreshes in place; an answer shows its citations).</summary>
public static class CardKinds
{
    public const string Answer = "answer";
    public const string Summary = "summary";

    /// <summary>A ticket as staff see it, with the buttons that act on it.</summary>
    public const string Ticket = "ticket";

    /// <summary>A requester's confirmation that their request became a ticket.</summary>
    public const string Receipt = "receipt";

    public const string Welcome = "welcome";
    public const string List = "list";
    public const string Rating = "rating";
}
