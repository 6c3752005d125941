using HuaXin.Bot.Core;

namespace HuaXin.Bot.People;

/// <summary>Phone numbers as the roster and the service records store them: the digits of a mainland mobile or a
/// landline with its area code.</summary>
public static class PhoneNumbers
{
    /// <summary>A mainland mobile (<see cref="MobileNumber"/>) or a landline with its area code (<see cref="LandlineNumber"/>).
    /// Returns the digits, or null when it is not a phone number.</summary>
    public static string? Normalize(string? text) =>
        MobileNumber.TryParse(text, out var mobile) ? mobile.Digits
        : LandlineNumber.TryParse(text, out var landline) ? landline.Digits
        : null;
}
