using System.Globalization;

namespace HuaXin.Bot.DingTalk.Sending;

/// <summary>Cuts text into parts that each measure at most a budget, preferring paragraph breaks, then line breaks,
/// and only as a last resort the middle of a line (never inside a character).</summary>
public static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int budget, Func<string, int> measure)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        if (measure(text) <= budget)
        {
            return [text];
        }
        var parts = new List<string>();
        var current = "";
        foreach (var piece in Pieces(text, budget, measure))
        {
            var joined = current.Length == 0 ? piece : current + piece;
            if (measure(joined.TrimEnd()) <= budget)
            {
                current = joined;
                continue;
            }
            if (current.Length > 0)
            {
                parts.Add(current.TrimEnd());
            }
            current = piece;
        }
        if (current.Trim().Length > 0)
        {
            parts.Add(current.TrimEnd());
        }
        return parts;
    }

    /// <summary>Paragraphs (keeping their trailing break); a paragraph over budget becomes lines, a line over budget characters.</summary>
    private static IEnumerable<string> Pieces(string text, int budget, Func<string, int> measure)
    {
        foreach (var paragraph in SplitKeeping(text, "\n\n"))
        {
            if (measure(paragraph) <= budget)
            {
                yield return paragraph;
                continue;
            }
            foreach (var line in SplitKeeping(paragraph, "\n"))
            {
                if (measure(line) <= budget)
                {
                    yield return line;
                    continue;
                }
                var elements = StringInfo.GetTextElementEnumerator(line);
                while (elements.MoveNext())
                {
                    yield return elements.GetTextElement();
                }
            }
        }
    }

    private static IEnumerable<string> SplitKeeping(string text, string separator)
    {
        var start = 0;
        while (start < text.Length)
        {
            var at = text.IndexOf(separator, start, StringComparison.Ordinal);
            var end = at < 0 ? text.Length : at + separator.Length;
            yield return text[start..end];
            start = end;
        }
    }
}
