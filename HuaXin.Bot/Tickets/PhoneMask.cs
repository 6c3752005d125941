namespace HuaXin.Bot.StaffConsole;

public static class PhoneMask
{
    /// <summary>138****2266: enough to recognise a number, not enough to call it.</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return "";
        }
        var p = phone.Trim();
        return p.Length >= 7 ? $"{p[..3]}****{p[^4..]}" : new string('*', p.Length);
    }
}
