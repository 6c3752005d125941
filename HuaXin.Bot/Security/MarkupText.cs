using System.Text;

namespace HuaXin.Bot.Security;

/// <summary>Text that came from people (a family's words, a staff note) placed into a markup context, so it shows as typed
/// and cannot become a link, an image, a heading or emphasis carrying the bot's authority ("[请点此重新登录](https://…)").
/// Card content is plain text by contract; each renderer passes it through the function of its context. HTML needs none
/// here: every page is Razor, which encodes.</summary>
/// <remarks>Markdown characters become their full-width twins instead of taking a backslash: DingTalk documents no
/// backslash escapes, a renderer that ignores them would still read "[文字\](url)" as a link, and 【】［］＊＃ read naturally
/// in Chinese text.</remarks>
public static class MarkupText
{
    /// <summary>For DingTalk's markdown (markdown and actionCard messages): links, images, emphasis, headings, quotes,
    /// code, the HTML tags it accepts, and list markers at the start of a line.</summary>
    public static string ForDingTalkMarkdown(string text) => Replace(text, DingTalk);

    /// <summary>For Adaptive Card TextBlock and FactSet text in Teams (its markdown subset: emphasis, lists, links) and
    /// its &lt;at&gt; mentions.</summary>
    public static string ForCardMarkdown(string text) => Replace(text, Card);

    private static readonly Dictionary<char, char> Card = new()
    {
        ['['] = '［', [']'] = '］', ['*'] = '＊', ['_'] = '＿', ['`'] = '｀', ['~'] = '～', ['<'] = '＜', ['>'] = '＞', ['#'] = '＃',
    };

    private static readonly Dictionary<char, char> DingTalk = new(Card) { ['|'] = '｜', ['!'] = '！' };

    private static string Replace(string text, Dictionary<char, char> twins)
    {
        var result = new StringBuilder(text.Length);
        var lineStart = true;
        foreach (var c in text)
        {
            // "- " or "+ " opening a line makes a list item.
            result.Append(twins.TryGetValue(c, out var twin) ? twin : lineStart && c is '-' or '+' ? (char)(c + 0xFEE0) : c);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }
        return result.ToString();
    }
}
