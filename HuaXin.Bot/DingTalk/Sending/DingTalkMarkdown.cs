using System.Text;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Security;

namespace HuaXin.Bot.DingTalk.Sending;

/// <summary>Renders neutral messages in DingTalk's markdown subset. Robot messages cannot carry interactive cards,
/// so buttons and suggested replies become a "您可以回复：「…」" line the user can type, and link buttons (data "url")
/// become the buttons of an actionCard. Card and message text is plain text and is escaped (<see cref="MarkupText"/>).</summary>
public static class DingTalkMarkdown
{
    private const int TitleLength = 20;

    public static DingTalkMessage Render(OutboundMessage message)
    {
        // Buttons and suggested replies often repeat each other; both become one list of things to type.
        var replies = (message.Card?.Buttons.Where(b => !b.Data.ContainsKey("url")).Select(b => b.Text) ?? [])
            .Concat(message.SuggestedReplies ?? []).Distinct().ToList();
        if (message.Card is null && replies.Count == 0)
        {
            return new DingTalkMessage(Preview(message.Text), message.Text, IsMarkdown: false);
        }
        var text = new StringBuilder();
        if (message.Card is { } card)
        {
            AppendCard(text, card);
        }
        else
        {
            AppendParagraph(text, MarkupText.ForDingTalkMarkdown(message.Text));
        }
        if (replies.Count > 0)
        {
            AppendParagraph(text, "> 您可以回复：" + string.Join(" ", replies.Select(r => $"「{MarkupText.ForDingTalkMarkdown(r)}」")));
        }
        var links = message.Card?.Buttons.Where(b => b.Data.ContainsKey("url")).Take(DingTalkMessage.MaxLinks)
            .Select(b => new DingTalkLink(b.Title, b.Data["url"])).ToList() ?? [];
        return new DingTalkMessage(Preview(message.Card?.Title ?? message.Text), text.ToString().TrimEnd(), IsMarkdown: true) { Links = links };
    }

    private static void AppendCard(StringBuilder text, Card card)
    {
        AppendParagraph(text, $"#### {MarkupText.ForDingTalkMarkdown(card.Title)}");
        if (!string.IsNullOrWhiteSpace(card.Body))
        {
            // DingTalk markdown joins single newlines; a blank line keeps the body's lines apart.
            AppendParagraph(text, string.Join("\n\n", card.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(MarkupText.ForDingTalkMarkdown)));
        }
        if (card.Facts.Count > 0)
        {
            // One line per fact: a line break inside a value would end the list item.
            AppendParagraph(text, string.Join("\n", card.Facts.Select(f => $"- **{MarkupText.ForDingTalkMarkdown(f.Name)}**：{MarkupText.ForDingTalkMarkdown(OneLine(f.Value))}")));
        }
        if (card.Details is { } details)
        {
            // Markdown cannot fold text away: the details follow as a quote, below the short answer.
            AppendParagraph(text, $"**{details.Title}**\n\n> " + string.Join("\n>\n> ", details.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
    }

    private static string OneLine(string value) =>
        string.Join(" ", value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void AppendParagraph(StringBuilder text, string paragraph) => text.Append(paragraph).Append("\n\n");

    /// <summary>Notification previews show the title only; keep it short and on one line.</summary>
    private static string Preview(string text)
    {
        var firstLine = text.Split('\n', 2)[0].Trim();
        return firstLine.Length <= TitleLength ? firstLine : firstLine[..TitleLength] + "…";
    }
}
