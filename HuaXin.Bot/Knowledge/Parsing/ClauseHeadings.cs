using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Recognizes the numbering Chinese policy documents use for chapters, sections, clauses and items.</summary>
internal static partial class ClauseHeadings
{
    private const string Numeral = "[一二三四五六七八九十百千零〇两0-9０-９]+";

    public enum Kind
    {
        Chapter,
        Section,
        Enumerated,
    }

    [GeneratedRegex($"^第{Numeral}[章编]")]
    private static partial Regex Chapter();

    [GeneratedRegex($"^第{Numeral}节")]
    private static partial Regex Section();

    // Bold markers are tolerated because Markdown authors often write **第五条** instead of a heading;
    // a separator is required so that "第五条所列情形" (a reference) does not open a clause.
    [GeneratedRegex($@"^(?:\*\*)?\s*(第{Numeral}条)(?:\s*\*\*|[\s　:：]|$)[\s　:：]*")]
    private static partial Regex Clause();

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex EnumeratedHeading();

    // （一） (一) （1） (1) first, then 1. 1、 1． (not 1.5: a digit after the dot is a number).
    [GeneratedRegex(@"^(?:([（(])([一二三四五六七八九十]+|[0-9]{1,2})[）)]|([0-9]{1,2})(?:[.．、](?![0-9])))\s*")]
    private static partial Regex Item();

    /// <summary>A paragraph that starts with 第X条: returns the clause name and the rest of the paragraph as its text.</summary>
    public static bool TryClause(string paragraph, out string clause, out string rest)
    {
        var match = Clause().Match(paragraph);
        clause = match.Success ? match.Groups[1].Value : "";
        rest = match.Success ? paragraph[match.Length..].Trim() : paragraph;
        return match.Success;
    }

    /// <summary>A whole line that is a chapter/section heading (第X章, 第X节, or a short "一、…" title).</summary>
    public static bool TryStructuralHeading(string line, out Kind kind)
    {
        kind = Kind.Chapter;
        if (Chapter().IsMatch(line))
        {
            return true;
        }
        if (Section().IsMatch(line))
        {
            kind = Kind.Section;
            return true;
        }
        kind = Kind.Enumerated;
        return EnumeratedHeading().IsMatch(line) && IsTitleLike(line);
    }

    /// <summary>A numbered item (（三）…, 1. …): its label as written, and its numbering style, so items of one list
    /// are told from a nested list of another style.</summary>
    public static bool TryItem(string line, out string label, out string style)
    {
        var match = Item().Match(line);
        label = match.Success ? match.Value.Trim() : "";
        style = !match.Success ? ""
            : match.Groups[3].Success ? "digit-dot"
            : char.IsAsciiDigit(match.Groups[2].Value[0]) ? "paren-digit"
            : "paren-chinese";
        return match.Success && match.Length < line.Length;
    }

    // "一、困难帮扶" is a heading; "一、家庭月人均收入低于……的；" is an enumerated item of a clause.
    private static bool IsTitleLike(string line) => line.Length <= 30 && !"。；;，,：:".Contains(line[^1]);
}
