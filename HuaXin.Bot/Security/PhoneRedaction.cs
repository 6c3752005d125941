using System.Text.RegularExpressions;

namespace HuaXin.Bot.Security;

/// <summary>Masks mainland mobile numbers (11 digits starting 13–19, optionally written 3-4-4 with spaces or dashes)
/// to 138****2266, the console's form: recognisable to staff, useless to anyone reading a log.</summary>
public static partial class PhoneRedaction
{
    [GeneratedRegex(@"(?<!\d)(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Mobile();

    public static string Mask(string text) =>
        ContainsCandidate(text) ? Mobile().Replace(text, m => $"{m.Groups[1].Value}****{m.Groups[3].Value}") : text;

    /// <summary>Cheap pre-check so the regex runs only on text that has a run of digits at all.</summary>
    private static bool ContainsCandidate(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            digits = char.IsAsciiDigit(c) ? digits + 1 : c is ' ' or '-' ? digits : 0;
            if (digits >= 11)
            {
                return true;
            }
        }
        return false;
    }
}
