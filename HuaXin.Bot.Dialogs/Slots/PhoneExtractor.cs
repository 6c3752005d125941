using HuaXin.Bot.Core;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>A mainland mobile number however it is written (<see cref="MobileNumber"/>); a landline with area code
/// (0531-88886601) only when someone answers the phone question with one.</summary>
public sealed class PhoneExtractor : ISlotExtractor
{
    public string Slot => SlotNames.Phone;

    public SlotMatch? Extract(string text) => Mobile(text) is { } mobile ? new SlotMatch(mobile) : null;

    /// <summary>The first 11-digit mobile number in the text, as digits.</summary>
    public static string? Mobile(string text) => MobileNumber.Find(text)?.Digits;

    /// <summary>A landline with its area code (0531-88886601), for when someone answers the phone question with one.</summary>
    public static string? Landline(string text) => LandlineNumber.Find(text)?.ToString();

    /// <summary>True when the text contains digits that look like an attempt at a phone number.</summary>
    public static bool LooksLikeNumber(string text) => text.Count(MobileNumber.IsDigit) >= 5;
}
