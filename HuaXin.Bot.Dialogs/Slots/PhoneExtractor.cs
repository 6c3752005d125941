using System.Text.RegularExpressions;
using HuaXin.Bot.Core;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Mainland mobile (<see cref="MobileNumber"/>) or a landline with area code (0531-88886601).</summary>
public sealed partial class PhoneExtractor : ISlotExtractor
{
    public string Slot => SlotNames.Phone;

    public SlotMatch? Extract(string text)
    {
        if (MobileNumber.Find(text) is { } mobile) return new SlotMatch(mobile.Digits);
        var landline = Landline().Match(text);
        return landline.Success ? new SlotMatch($"{landline.Groups["area"].Value}-{landline.Groups["n"].Value}") : null;
    }

    /// <summary>True when the text contains digits that look like an attempt at a phone number.</summary>
    public static bool LooksLikeNumber(string text) => text.Count(char.IsAsciiDigit) >= 5;

    [GeneratedRegex(@"(?<!\d)\(?(?<area>0(?:10|2\d|[3-9]\d{2}))\)?[\s\-]?(?<n>[2-9]\d{6,7})(?!\d)")]
    private static partial Regex Landline();
}
