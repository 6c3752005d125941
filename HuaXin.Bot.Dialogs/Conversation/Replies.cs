using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Builds outbound messages; every card also gets a complete text rendering for text-only channels.</summary>
public static class Replies
{
    public static OutboundMessage Text(string text, params string[] suggestions) =>
        new(text, null, suggestions.Length == 0 ? null : suggestions);

    public static CardButton Button(string text, string? title = null) =>
        new(title ?? text, text, new Dictionary<string, string> { [CardData.Action] = text });

    public static OutboundMessage Card(string kind, string title, string? body, IReadOnlyList<CardFact> facts, params string[] buttons)
    {
        var card = new Card(kind, title, body, facts, buttons.Select(b => Button(b)).ToList());
        return new OutboundMessage(CardText.Render(card), card, buttons.Length == 0 ? null : buttons);
    }
}
