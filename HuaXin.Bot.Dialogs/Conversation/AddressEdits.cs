using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>A correction that gives only part of an address ("是4号楼", "改成502室") changes that part of the address
/// already taken down, not the whole of it: "幸福小区3号楼2单元301" with "4号楼" is "幸福小区4号楼2单元301".</summary>
public static partial class AddressEdits
{
    public static string Merge(string current, string edit)
    {
        var parts = Part().Matches(edit);
        // Only an edit made of numbered parts, each of a kind the address has once: anything else is a new address.
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)) != edit.Trim()) return edit;
        var merged = current;
        foreach (Match part in parts)
        {
            var unit = part.Groups["unit"].Value;
            var same = Part().Matches(merged).Where(p => p.Groups["unit"].Value == unit).ToList();
            if (same.Count != 1) return edit;
            merged = string.Concat(merged.AsSpan(0, same[0].Index), part.Value, merged.AsSpan(same[0].Index + same[0].Length));
        }
        return merged;
    }

    [GeneratedRegex(@"[0-9０-９一二三四五六七八九十]+(?<unit>号楼|栋|幢|单元|层|楼|室|户|号院|号)")]
    private static partial Regex Part();
}
