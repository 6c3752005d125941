namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>A question answered with the offer to take its need down; a yes starts intake from it.</summary>
public sealed class OfferState
{
    public string Text { get; set; } = "";

    public string? Category { get; set; }

    /// <summary>The number given for the request this one follows: the same person, not asked twice.</summary>
    public string? Phone { get; set; }
}
