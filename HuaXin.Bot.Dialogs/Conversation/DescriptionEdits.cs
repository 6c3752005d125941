using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Keeps the description in step with a corrected slot: the old value is replaced where it was written, or
/// the correction is noted after it.</summary>
public static partial class DescriptionEdits
{
    public static string Replace(string description, string slot, string old, string value)
    {
        if (slot == SlotNames.Phone)
        {
            // The old number may be written with spaces, dashes or Chinese numerals; find it by its digits.
            var replaced = Number().Replace(description, m => PhoneExtractor.Mobile(m.Value) == old || Digits(m.Value) == Digits(old) ? value : m.Value);
            if (replaced != description) return replaced;
        }
        else if (description.Contains(old, StringComparison.Ordinal))
        {
            return description.Replace(old, value, StringComparison.Ordinal);
        }
        return $"{description}（更正：{value}）";
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"[\d一二三四五六七八九零〇幺+(][\d\s\-()一二三四五六七八九零〇幺]{5,}[\d一二三四五六七八九零〇幺]")]
    private static partial Regex Number();
}
