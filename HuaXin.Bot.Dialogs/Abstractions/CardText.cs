using System.Text;

namespace HuaXin.Bot.Dialogs.Abstractions;

/// <summary>The one plain-text rendering of a card: what <see cref="OutboundMessage.Text"/> holds for channels and clients
/// that cannot show the card (the terminal, Web Chat's fallback, Teams' notification summary). Buttons become the
/// words a user can type instead.</summary>
public static class CardText
{
    /// <param name="replyHint">How to complete a reply that needs more than the button's text, after the list of replies.</param>
    public static string Render(Card card, string? replyHint = null)
    {
        var text = new StringBuilder(card.Title);
        if (!string.IsNullOrWhiteSpace(card.Body))
        {
            text.Append('\n').Append(card.Body);
        }
        foreach (var fact in card.Facts)
        {
            text.Append('\n').Append(fact.Name).Append('：').Append(fact.Value);
        }
        if (card.Buttons.Count > 0)
        {
            text.Append("\n（可回复：").Append(string.Join(" / ", card.Buttons.Select(b => b.Text)));
            if (replyHint is not null)
            {
                text.Append('；').Append(replyHint);
            }
            text.Append('）');
        }
        return text.ToString();
    }
}
