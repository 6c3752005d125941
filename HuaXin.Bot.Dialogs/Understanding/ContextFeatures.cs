namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>The characters around a stretch of a message as features: one and two characters on each side and the
/// character pairs and characters within a few places. Digits are one symbol, punctuation and spaces one break.</summary>
internal static class ContextFeatures
{
    private const int Window = 6;

    public static IEnumerable<string> Around(string text, int start, int end)
    {
        yield return "L1:" + CharAt(text, start - 1);
        yield return "L2:" + CharAt(text, start - 2) + CharAt(text, start - 1);
        yield return "R1:" + CharAt(text, end);
        yield return "R2:" + CharAt(text, end) + CharAt(text, end + 1);
        var before = text[Math.Max(0, start - Window)..start];
        var after = text[end..Math.Min(text.Length, end + Window)];
        foreach (var b in Bigrams(before)) yield return "Lb:" + b;
        foreach (var b in Bigrams(after)) yield return "Rb:" + b;
        foreach (var c in before.Where(char.IsLetter)) yield return "Lu:" + c;
        foreach (var c in after.Where(char.IsLetter)) yield return "Ru:" + c;
    }

    public static string CharAt(string text, int i) => i < 0 ? "^" : i >= text.Length ? "$" : Fold(text[i]).ToString();

    private static char Fold(char c) => char.IsDigit(c) ? '#' : char.IsLetter(c) ? c : '|';

    private static IEnumerable<string> Bigrams(string s)
    {
        var folded = s.Select(Fold).ToArray();
        for (var i = 0; i + 1 < folded.Length; i++) yield return new string(folded, i, 2);
    }
}
