using System.Text;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.DingTalk.Sending;

/// <summary>Renders neutral messages in DingTalk's markdown subset. Session webhooks cannot carry interactive cards,
/// so buttons become "回复「…」" hints the user can type, and link buttons (data "url") become markdown links.</summary>
public static class DingTalkMarkdown
{
    private const int TitleLength = 20;

    public static DingTalkMessage Render(OutboundMessage message)
    {
        var suggestions = message.SuggestedReplies ?? [];
        if (message.Card is null && suggestions.Count == 0)
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
            AppendParagraph(text, message.Text);
        }
        if (suggestions.Count > 0)
        {
            AppendParagraph(text, "您可以回复：" + string.Join(" ", suggestions.Select(s => $"「{s}」")));
        }
        return new DingTalkMessage(Preview(message.Card?.Title ?? message.Text), text.ToString().TrimEnd(), IsMarkdown: true);
    }

    private static void AppendCard(StringBuilder text, Card card)
    {
        AppendParagraph(text, $"#### {card.Title}");
        if (!string.IsNullOrWhiteSpace(card.Body))
        {
            // DingTalk markdown joins single newlines; a blank line keeps the body's lines apart.
            AppendParagraph(text, string.Join("\n\n", card.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        if (card.Facts.Count > 0)
        {
            AppendParagraph(text, string.Join("\n", card.Facts.Select(f => $"- **{f.Name}**：{f.Value}")));
        }
        var links = card.Buttons.Where(b => b.Data.ContainsKey("url")).Select(b => $"[{b.Title}]({b.Data["url"]})").ToList();
        if (links.Count > 0)
        {
            AppendParagraph(text, string.Join("　|　", links));
        }
        var replies = card.Buttons.Where(b => !b.Data.ContainsKey("url")).Select(b => $"回复「{b.Text}」").ToList();
        if (replies.Count > 0)
        {
            AppendParagraph(text, "> " + string.Join("，", replies));
        }
    }

    private static void AppendParagraph(StringBuilder text, string paragraph) => text.Append(paragraph).Append("\n\n");

    /// <summary>Notification previews show the title only; keep it short and on one line.</summary>
    private static string Preview(string text)
    {
        var firstLine = text.Split('\n', 2)[0].Trim();
        return firstLine.Length <= TitleLength ? firstLine : firstLine[..TitleLength] + "…";
    }
}
