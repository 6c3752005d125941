using System.Text.RegularExpressions;

namespace HuaXin.Bot.Core;

internal static class WholeText
{
    /// <summary>The match of <paramref name="pattern"/> when it is the whole (trimmed) text, as in a roster's phone
    /// column; otherwise null.</summary>
    public static Match? Match(Regex pattern, string? text)
    {
        var trimmed = text?.Trim();
        return !string.IsNullOrEmpty(trimmed) && pattern.Match(trimmed) is { Success: true } m && m.Index == 0 && m.Length == trimmed.Length ? m : null;
    }
}
