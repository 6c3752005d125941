namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>Known place names: Shandong cities with their counties, plus other major cities.</summary>
/// <param name="Places">Every name a user may write, mapped to the value stored (e.g. 章丘 → 济南章丘).</param>
/// <param name="WorkplaceAfter">Words after a place that make it a workplace rather than where help is needed.</param>
/// <param name="WorkplaceBefore">Words before a place that make it a workplace (项目部在雄安).</param>
public sealed record PlaceDirectory(IReadOnlyDictionary<string, string> Places, IReadOnlyList<string> WorkplaceAfter, IReadOnlyList<string> WorkplaceBefore);
