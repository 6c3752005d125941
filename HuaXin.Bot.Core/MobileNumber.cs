using System.Text;
using System.Text.RegularExpressions;

namespace HuaXin.Bot.Core;

/// <summary>A mainland mobile number (11 digits, 1[3-9]…) as people write it: half- or full-width digits or Chinese
/// numerals (一三八…, 幺 for 1, the financial 壹叁捌…), grouped by spaces, dashes or dots (or one digit at a time), after
/// +86, 0086, 86 or (+86). One definition for finding
/// numbers in what users type, storing them (<see cref="Digits"/>), showing them to those who may not call them
/// (<see cref="Masked"/>) and keeping them out of logs (<see cref="MaskAll"/>), so no reader recognises a number another
/// one misses.</summary>
public sealed partial record MobileNumber
{
    private MobileNumber(string digits) => Digits = digits;

    /// <summary>The 11 digits, ASCII, without prefix or separators: the stored form.</summary>
    public string Digits { get; }

    /// <summary>138****2266: enough to recognise a number, not enough to call it.</summary>
    public string Masked => $"{Digits[..3]}****{Digits[^4..]}";

    public override string ToString() => Digits;

    /// <summary>The first number in <paramref name="text"/>, or null.</summary>
    public static MobileNumber? Find(string? text) =>
        text is not null && HasCandidate(text) && Pattern().Match(text) is { Success: true } m ? FromMatch(m) : null;

    /// <summary>True when the whole text (trimmed) is one number, as in a roster's phone column.</summary>
    public static bool TryParse(string? text, out MobileNumber number)
    {
        number = WholeText.Match(Pattern(), text) is { } m ? FromMatch(m) : null!;
        return number is not null;
    }

    /// <summary>The text with every number masked in place (prefixes and separators around it kept).</summary>
    public static string MaskAll(string text)
    {
        if (!HasCandidate(text))
        {
            return text;
        }
        return Pattern().Replace(text, m =>
        {
            var n = m.Groups["n"];
            return string.Concat(text.AsSpan(m.Index, n.Index - m.Index), FromMatch(m).Masked);
        });
    }

    private static MobileNumber FromMatch(Match match)
    {
        var digits = new StringBuilder(11);
        foreach (var c in match.Groups["n"].ValueSpan)
        {
            if (DigitOf(c) is { } digit)
            {
                digits.Append(digit);
            }
        }
        return new MobileNumber(digits.ToString());
    }

    private static char? DigitOf(char c) => c switch
    {
        >= '0' and <= '9' => c,
        >= '０' and <= '９' => (char)('0' + (c - '０')),
        '〇' or '零' => '0',
        '幺' => '1',
        _ => "一二三四五六七八九".IndexOf(c) is >= 0 and var i ? (char)('1' + i)
            : "壹贰叁肆伍陆柒捌玖".IndexOf(c) is >= 0 and var j ? (char)('1' + j) : null,
    };

    /// <summary>Cheap pre-check (logs run every message through this): a run of at least 11 digits, separators allowed.</summary>
    private static bool HasCandidate(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            digits = IsDigit(c) ? digits + 1 : IsSeparator(c) ? digits : 0;
            if (digits >= 11)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A digit as people type or dictate it: ASCII, full-width or a Chinese numeral.</summary>
    public static bool IsDigit(char c) => DigitOf(c) is not null;

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '－' or '—' or '.' or '．' or '·' or '+' or '＋' or '(' or ')' or '（' or '）';

    // Character classes of the pattern: any digit, 1, 3–9, 8, 6, and a separator between digits.
    private const string D = "[0-9０-９〇零一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]";
    private const string One = "[1１一幺壹]";
    private const string ThreeToNine = "[3-9３-９三四五六七八九叁肆伍陆柒捌玖]";
    private const string Eight = "[8８八捌]";
    private const string Six = "[6６六陆]";
    private const string S = @"[\s\-－—.．·]";

    // An optional country code (86, +86, 0086 — also in numerals —, (+86)), then 1[3-9] and nine more digits with up to
    // two spaces, dashes or dots between any two; a number glued to more digits (138053122661) or to a dashed digit run is not one.
    [GeneratedRegex($@"(?<!{D})(?<!{D}[\-－])(?:(?:[(（]\s*)?(?:\+|＋|[0０零〇]{{2}})?{Eight}{Six}(?:\s*[)）])?{S}*)?(?<n>{One}{S}{{0,2}}{ThreeToNine}(?:{S}{{0,2}}{D}){{9}})(?!{D})(?![\-－]{D})",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
