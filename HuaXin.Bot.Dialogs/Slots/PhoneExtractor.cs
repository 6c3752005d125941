using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Mainland mobile (11 digits, 1[3-9]…, spaces/dashes/+86 allowed) or a landline with area code (0531-88886601).</summary>
public sealed partial class PhoneExtractor : ISlotExtractor
{
    public string Slot => SlotNames.Phone;

    public SlotMatch? Extract(string text)
    {
        var mobile = Mobile().Match(text);
        if (mobile.Success) return new SlotMatch(new string(mobile.Groups["n"].Value.Where(char.IsAsciiDigit).ToArray()));
        var landline = Landline().Match(text);
        return landline.Success ? new SlotMatch($"{landline.Groups["area"].Value}-{landline.Groups["n"].Value}") : null;
    }

    /// <summary>True when the text contains digits that look like an attempt at a phone number.</summary>
    public static bool LooksLikeNumber(string text) => text.Count(char.IsAsciiDigit) >= 5;

    // Digits may be grouped by spaces or dashes; a number glued to more digits is not a phone (138053122661).
    [GeneratedRegex(@"(?<!\d)(?<!\d-)(?:\+?86[\s\-]*)?(?<n>1[3-9]\d(?:[\s\-]{0,2}\d){8})(?!\d)(?!-\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)\(?(?<area>0(?:10|2\d|[3-9]\d{2}))\)?[\s\-]?(?<n>[2-9]\d{6,7})(?!\d)")]
    private static partial Regex Landline();
}
