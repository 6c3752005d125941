namespace HuaXin.Bot.Dialogs.Text;

/// <summary>Reads small numbers written either way: "5", "五", "十二", "二十三", "两".</summary>
public static class ChineseNumber
{
    private const string Digits = "零一二三四五六七八九";

    public static int? Parse(string text)
    {
        if (int.TryParse(text, out var n)) return n;
        text = text.Replace('两', '二');
        if (text.Length == 0) return null;
        var ten = text.IndexOf('十');
        if (ten < 0) return text.Length == 1 ? DigitOf(text[0]) : null;
        var tens = ten == 0 ? 1 : text.Length > 0 && ten == 1 ? DigitOf(text[0]) : null;
        var rest = text[(ten + 1)..];
        int? units = rest.Length == 0 ? 0 : rest.Length == 1 ? DigitOf(rest[0]) : null;
        return tens is null || units is null ? null : tens * 10 + units;
    }

    private static int? DigitOf(char c)
    {
        var i = Digits.IndexOf(c);
        return i < 0 ? null : i;
    }
}
