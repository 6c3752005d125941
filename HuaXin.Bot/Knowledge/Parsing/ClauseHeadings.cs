using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Recognizes the numbering Chinese policy documents use for chapters, sections and clauses.</summary>
internal static partial class ClauseHeadings
{
    private const string Numeral = "[一二三四五六七八九十百千零〇两0-9０-９]+";

    /// <summary>Heading levels used when structure comes from numbering rather than markup.</summary>
    public const int ChapterLevel = 1;
    public const int SectionLevel = 2;
    public const int ClauseLevel = 3;

    [GeneratedRegex($"^第{Numeral}章")]
    private static partial Regex Chapter();

    [GeneratedRegex($"^第{Numeral}节")]
    private static partial Regex Section();

    // Bold markers are tolerated because Markdown authors often write **第五条** instead of a heading;
    // a separator is required so that "第五条所列情形" (a reference) does not open a clause.
    [GeneratedRegex($@"^(?:\*\*)?\s*(第{Numeral}条)(?:\s*\*\*|[\s　:：]|$)[\s　:：]*")]
    private static partial Regex Clause();

    [GeneratedRegex("^[一二三四五六七八九十]+、")]
    private static partial Regex EnumeratedHeading();

    /// <summary>A paragraph that starts with 第X条: returns the clause name and the rest of the paragraph as its text.</summary>
    public static bool TryClause(string paragraph, out string clause, out string rest)
    {
        var match = Clause().Match(paragraph);
        clause = match.Success ? match.Groups[1].Value : "";
        rest = match.Success ? paragraph[match.Length..].Trim() : paragraph;
        return match.Success;
    }

    /// <summary>A whole line that is a chapter/section heading (第X章, 第X节, or a short "一、…" title), with its level.</summary>
    public static bool TryStructuralHeading(string line, out int level)
    {
        level = 0;
        if (Chapter().IsMatch(line))
        {
            level = ChapterLevel;
        }
        else if (Section().IsMatch(line))
        {
            level = SectionLevel;
        }
        else if (EnumeratedHeading().IsMatch(line) && IsTitleLike(line))
        {
            level = ChapterLevel;
        }
        return level > 0;
    }

    // "一、困难帮扶" is a heading; "一、家庭月人均收入低于……的；" is an enumerated item of a clause.
    private static bool IsTitleLike(string line) => line.Length <= 30 && !"。；;，,：:".Contains(line[^1]);
}
