using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Keeps the description in step with a corrected slot: the old value is replaced where it was written; a
/// corrected person is noted after it.</summary>
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
        // A number, place or time the description never held needs no note; the person it speaks of in its own words
        // ("俺爹血压高" when it is the mother) does, or staff read two different people.
        return slot == SlotNames.Relation ? $"{description}（更正：{value}）" : description;
    }

    private static string Digits(string text) => new(text.Where(char.IsAsciiDigit).ToArray());

    [GeneratedRegex(@"[\d一二三四五六七八九零〇幺+(][\d\s\-()一二三四五六七八九零〇幺]{5,}[\d一二三四五六七八九零〇幺]")]
    private static partial Regex Number();
}
