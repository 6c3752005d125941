using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Where help is needed: a known city or county (章丘 → 济南章丘); places named as a workplace are ignored.</summary>
public sealed class CityExtractor : ISlotExtractor
{
    private const int WorkplaceContext = 4;
    private readonly VocabularyScanner _scanner;
    private readonly PlaceDirectory _places;

    public CityExtractor(PlaceDirectory places)
    {
        _scanner = new VocabularyScanner(places.Places);
        _places = places;
    }

    public string Slot => SlotNames.City;

    public SlotMatch? Extract(string text)
    {
        var hits = _scanner.Scan(text).Where(h => !IsWorkplace(text, h) && !IsPartOfWord(text, h)).ToList();
        if (hits.Count == 0) return null;
        var first = hits[0].Value;
        // "济南章丘": the county that follows its city is the more precise answer.
        var finer = hits.Skip(1).FirstOrDefault(h => h.Value.StartsWith(first, StringComparison.Ordinal) && h.Value.Length > first.Length);
        return new SlotMatch(finer?.Value ?? first);
    }

    private bool IsWorkplace(string text, VocabularyHit hit)
    {
        var after = text.Substring(hit.End, Math.Min(WorkplaceContext, text.Length - hit.End));
        var before = text[..hit.Index];
        return _places.WorkplaceAfter.Any(m => after.Contains(m, StringComparison.Ordinal))
            || _places.WorkplaceBefore.Any(m => before.EndsWith(m, StringComparison.Ordinal));
    }

    // 每日照顾 contains 日照; 照顾/照料 after it means it is not the city.
    private static bool IsPartOfWord(string text, VocabularyHit hit) =>
        hit.End < text.Length && text[hit.End] is '顾' or '料';
}
