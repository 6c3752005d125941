namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>Known place names: Shandong cities with their counties, plus other major cities.</summary>
/// <param name="Places">Every name a user may write, mapped to the value stored (e.g. 章丘 → 济南章丘).</param>
/// <param name="WorkplaceMarkers">Words after a place that make it a workplace rather than where help is needed.</param>
public sealed record PlaceDirectory(IReadOnlyDictionary<string, string> Places, IReadOnlyList<string> WorkplaceMarkers);
