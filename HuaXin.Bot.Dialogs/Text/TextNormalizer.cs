using System.Text;

namespace HuaXin.Bot.Dialogs.Text;

/// <summary>Folds full-width ASCII (１３８、？) to half-width so one set of rules covers both keyboards.</summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E') sb.Append((char)(c - 0xFEE0));
            else if (c == '\u3000') sb.Append(' ');
            else if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF') continue;
            else sb.Append(c);
        }
        return sb.ToString().Trim();
    }
}
