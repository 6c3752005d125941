using HuaXin.Bot.Families;
using HuaXin.Bot.People;

namespace HuaXin.Bot.Reports.Roster;

/// <summary>Cell rules of the roster: phone numbers and family relations as FamilyMember.Relation stores them.</summary>
public static class RosterRules
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

    /// <summary>The digits of a phone number, or null when it is not one (see <see cref="PhoneNumbers.Normalize"/>).</summary>
    public static string? Phone(string text) => PhoneNumbers.Normalize(text);
}
