using System.Security.Cryptography;

namespace HuaXin.Bot.Families;

/// <summary>Binding code text: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), about 40 bits —
/// far beyond what the per-user attempt limit lets anyone guess within a code's 30 minutes.</summary>
public static class BindingCodes
{
    public const int Length = 8;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>What a person typed, as stored: upper case, without the spaces or dashes people add when copying.</summary>
    public static string Normalize(string typed) =>
        new(typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '－')).Select(char.ToUpperInvariant).ToArray());
}
