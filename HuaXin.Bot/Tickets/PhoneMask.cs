using HuaXin.Bot.Core;

namespace HuaXin.Bot.Tickets;

public static class PhoneMask
{
    /// <summary>A phone field as staff without the right to call may see it: a mobile as <see cref="MobileNumber.Masked"/>,
    /// anything else (a landline) likewise with its first three and last four characters.</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }
        if (MobileNumber.TryParse(phone, out var mobile))
        {
            return mobile.Masked;
        }
        var p = phone.Trim();
        return p.Length >= 7 ? $"{p[..3]}****{p[^4..]}" : new string('*', p.Length);
    }

    /// <summary>Free text about a ticket (原话, slots, notes, result) as <paramref name="viewer"/> sees it: whole for the
    /// department that owns the ticket, which has to call back; every mobile number masked for anyone else, admins included.</summary>
    public static string Text(string? text, StaffMember viewer, string department) =>
        viewer.Department == department ? text ?? "" : MobileNumber.MaskAll(text ?? "");
}
