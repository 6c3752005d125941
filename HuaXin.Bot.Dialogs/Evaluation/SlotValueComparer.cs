using System.Text;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;

namespace HuaXin.Bot.Dialogs.Evaluation;

/// <summary>Decides whether a predicted slot value matches the gold one after normalization.</summary>
public static class SlotValueComparer
{
    public static bool Matches(string slot, string gold, string predicted)
    {
        var g = Canonical(slot, gold);
        var p = Canonical(slot, predicted);
        return slot switch
        {
            // Free-text spans: "济南章丘" matches a gold "章丘" or "济南"; an address may be given with or without its 区/县.
            SlotNames.City or SlotNames.Address => g.Length > 0 && p.Length > 0 && (g.Contains(p, StringComparison.Ordinal) || p.Contains(g, StringComparison.Ordinal)),
            _ => g == p,
        };
    }

    public static string Canonical(string slot, string value)
    {
        var text = TextNormalizer.Normalize(value);
        return slot switch
        {
            SlotNames.Phone => PhoneDigits(text),
            SlotNames.City => StripPlaceSuffixes(WithoutPunctuation(text)),
            // In-laws on either side are one value (岳父母/公婆), whichever side a file names.
            SlotNames.Relation when text.Contains("岳父母", StringComparison.Ordinal) || text.Contains("公婆", StringComparison.Ordinal) => "岳父母/公婆",
            _ => WithoutPunctuation(text).ToLowerInvariant(),
        };
    }

    private static string PhoneDigits(string text)
    {
        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..] : digits;
    }

    private static string StripPlaceSuffixes(string text) =>
        text.Replace("山东省", "").Replace("省", "").Replace("市", "").Replace("区", "").Replace("县", "");

    private static string WithoutPunctuation(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)) sb.Append(c);
        }
        return sb.ToString();
    }
}
