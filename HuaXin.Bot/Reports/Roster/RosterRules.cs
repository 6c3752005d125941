using System.Text.RegularExpressions;
using HuaXin.Bot.Core;

namespace HuaXin.Bot.Reports.Roster;

/// <summary>Cell rules of the roster: phone numbers and family relations as FamilyMember.Relation stores them.</summary>
public static partial class RosterRules
{
    /// <summary>The relations FamilyMember.Relation allows.</summary>
    public static readonly IReadOnlyList<string> Relations = ["父亲", "母亲", "配偶", "子女", "岳父母", "公婆", "其他"];

    // What people type in a roster, mapped to the stored relation.
    private static readonly Dictionary<string, string> RelationAliases = new()
    {
        ["爸爸"] = "父亲", ["父"] = "父亲", ["妈妈"] = "母亲", ["母"] = "母亲",
        ["妻子"] = "配偶", ["丈夫"] = "配偶", ["爱人"] = "配偶", ["老伴"] = "配偶",
        ["儿子"] = "子女", ["女儿"] = "子女", ["子"] = "子女", ["女"] = "子女",
        ["岳父"] = "岳父母", ["岳母"] = "岳父母", ["公公"] = "公婆", ["婆婆"] = "公婆",
    };

    public static string? Relation(string text) =>
        Relations.Contains(text) ? text : RelationAliases.GetValueOrDefault(text);

    /// <summary>A mainland mobile (<see cref="MobileNumber"/>) or a landline with its area code (0 + 9–11 digits);
    /// spaces, dashes, brackets and +86 are ignored. Returns the digits, or null when it is not a phone number.</summary>
    public static string? Phone(string text)
    {
        if (MobileNumber.TryParse(text, out var mobile))
        {
            return mobile.Digits;
        }
        var digits = Separators().Replace(text, "");
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        return Landline().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex(@"[\s\-()（）]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^0\d{9,11}$")]
    private static partial Regex Landline();
}
