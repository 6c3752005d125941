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

    /// <summary>Free text about a ticket: whole for a reader who <see cref="Ticket.MayCall(string?)"/>, every mobile number
    /// masked for anyone else.</summary>
    public static string Text(string? text, bool mayCall) => mayCall ? text ?? "" : MobileNumber.MaskAll(text ?? "");

    /// <summary>Free text about a ticket led by <paramref name="department"/> as <paramref name="viewer"/> sees it.</summary>
    public static string Text(string? text, StaffMember viewer, string department, IEnumerable<string> coHandlers) =>
        Text(text, Ticket.MayCall(viewer.Department, department, coHandlers));
}
