using System.Text.RegularExpressions;

namespace HuaXin.Bot.Core;

/// <summary>A mainland landline with its area code (0531-88886601, (0539)8123456, 010 6234 5678, +86 0531…): the one
/// reader for landlines, beside <see cref="MobileNumber"/>, for what users type and what rosters and records store.</summary>
public sealed partial record LandlineNumber
{
    private LandlineNumber(string areaCode, string subscriber) => (AreaCode, Subscriber) = (areaCode, subscriber);

    /// <summary>0 and two or three digits: 010, 021, 0531.</summary>
    public string AreaCode { get; }

    /// <summary>The local number, seven or eight digits.</summary>
    public string Subscriber { get; }

    /// <summary>The digits without separators: the stored form.</summary>
    public string Digits => AreaCode + Subscriber;

    /// <summary>0531-88886601: how it is shown and read back.</summary>
    public override string ToString() => $"{AreaCode}-{Subscriber}";

    /// <summary>The first landline in <paramref name="text"/>, or null.</summary>
    public static LandlineNumber? Find(string? text) =>
        text is not null && Pattern().Match(text) is { Success: true } m ? FromMatch(m) : null;

    /// <summary>True when the whole text (trimmed) is one landline, as in a roster's phone column.</summary>
    public static bool TryParse(string? text, out LandlineNumber number)
    {
        number = WholeText.Match(Pattern(), text) is { } m ? FromMatch(m) : null!;
        return number is not null;
    }

    private static LandlineNumber FromMatch(Match m) => new(m.Groups["area"].Value, Separators().Replace(m.Groups["n"].Value, ""));

    // An optional +86, the area code (010, 02x, 0xxx) in optional brackets, then a local number that does not start with
    // 0 or 1, with spaces or dashes allowed between the parts; a number glued to more digits is not one.
    [GeneratedRegex(@"(?<!\d)(?:\+?86[\s\-]*)?[(（]?(?<area>0(?:10|2\d|[3-9]\d{2}))[)）]?[\s\-]*(?<n>[2-9]\d{2,3}[\s\-]*\d{3,4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex Separators();
}
