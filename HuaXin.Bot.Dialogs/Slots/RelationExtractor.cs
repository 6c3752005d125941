namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Who needs help: 本人/父亲/母亲/配偶/子女/岳父母/公婆/其他, from how people name them (俺娘, 老爷子, 孩子他妈…).</summary>
public sealed class RelationExtractor : ISlotExtractor
{
    private readonly VocabularyScanner _scanner;
    private readonly IReadOnlyList<string> _needWords;

    public RelationExtractor(IReadOnlyDictionary<string, string> words, IReadOnlyList<string> needWords)
    {
        _scanner = new VocabularyScanner(words);
        _needWords = needWords;
    }

    public string Slot => SlotNames.Relation;

    public SlotMatch? Extract(string text)
    {
        var hits = _scanner.Scan(text).ToList();
        if (hits.Count == 0) return null;
        // "媳妇打电话说我妈摔了": the one needing help is the person the trouble words follow.
        for (var i = 0; i < hits.Count; i++)
        {
            var segmentEnd = i + 1 < hits.Count ? hits[i + 1].Index : text.Length;
            var segment = text[hits[i].End..segmentEnd];
            if (_needWords.Any(w => segment.Contains(w, StringComparison.Ordinal))) return new SlotMatch(hits[i].Value);
        }
        return new SlotMatch(hits[0].Value);
    }
}
