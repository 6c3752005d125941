using System.Text.RegularExpressions;
using HuaXin.Bot.Core;

namespace HuaXin.Bot.People;

/// <summary>Phone numbers as the roster and the service records store them: the digits of a mainland mobile or a
/// landline with its area code.</summary>
public static partial class PhoneNumbers
{
    /// <summary>A mainland mobile (<see cref="MobileNumber"/>) or a landline with its area code (0 + 9–11 digits);
    /// spaces, dashes, brackets and +86 are ignored. Returns the digits, or null when it is not a phone number.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (MobileNumber.TryParse(text, out var mobile))
        {
            return mobile.Digits;
        }
        var digits = Separators().Replace(text, "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        return Landline().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"[\s\-()（）]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^0\d{9,11}$")]
    private static partial Regex Landline();
}
