using System.Text;
using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>A mainland mobile number however it is written: grouped by spaces or dashes, after +86 / 0086 / (+86),
/// in Chinese numerals (一三八…, 幺 for 1). Landlines and numbers of the wrong length are not a mobile.</summary>
public sealed partial class PhoneExtractor : ISlotExtractor
{
    public string Slot => SlotNames.Phone;

    public SlotMatch? Extract(string text) => Mobile(text) is { } mobile ? new SlotMatch(mobile) : null;

    /// <summary>The first 11-digit mobile number in the text, as digits.</summary>
    public static string? Mobile(string text)
    {
        foreach (Match run in Run().Matches(Digits(text)))
        {
            // A run may join numbers typed side by side ("301 13805312266"): try each span of whole groups.
            var groups = Group().Matches(run.Value).Select(g => g.Value).ToList();
            for (var start = 0; start < groups.Count; start++)
            {
                var digits = "";
                for (var end = start; end < groups.Count && digits.Length < 15; end++)
                {
                    digits += groups[end];
                    if (AsMobile(digits) is { } mobile) return mobile;
                }
            }
        }
        return null;
    }

    /// <summary>A landline with its area code (0531-88886601), for when someone answers the phone question with one.</summary>
    public static string? Landline(string text)
    {
        var m = LandlinePattern().Match(Digits(text));
        return m.Success ? $"{m.Groups["area"].Value}-{m.Groups["n"].Value.Replace(" ", "").Replace("-", "")}" : null;
    }

    /// <summary>True when the text contains digits that look like an attempt at a phone number.</summary>
    public static bool LooksLikeNumber(string text) => Digits(text).Count(char.IsAsciiDigit) >= 5;

    private static string? AsMobile(string digits)
    {
        if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' ? digits : null;
    }

    // 一三八 and 幺 are digits here; other characters stay as they are.
    private static string Digits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var i = "零一二三四五六七八九".IndexOf(c);
            sb.Append(i >= 0 ? (char)('0' + i) : c switch { '〇' => '0', '幺' => '1', _ => c });
        }
        return sb.ToString();
    }

    // Digits in groups separated by at most two spaces or dashes, optionally after + or (+86).
    [GeneratedRegex(@"(?<![\d])\(?\+?\d+\)?(?:[\s\-—]{0,2}\d+)*")]
    private static partial Regex Run();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Group();

    [GeneratedRegex(@"(?<!\d)\(?(?<area>0(?:10|2\d|[3-9]\d{2}))\)?[\s\-]?(?<n>[2-9]\d{2,3}[\s\-]?\d{3,4})(?!\d)")]
    private static partial Regex LandlinePattern();
}
