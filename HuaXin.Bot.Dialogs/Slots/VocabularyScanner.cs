namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Finds vocabulary words in text left to right, taking the longest word at each position.</summary>
internal sealed class VocabularyScanner(IReadOnlyDictionary<string, string> vocabulary)
{
    // Only words starting with the character at hand can match there: looked up by it, not tried all (hundreds of
    // place names) at every position. Longest first within each.
    private readonly Dictionary<char, string[]> _longestFirst = vocabulary.Keys.Where(k => k.Length > 0)
        .OrderByDescending(k => k.Length).GroupBy(k => k[0]).ToDictionary(g => g.Key, g => g.ToArray());

    public IEnumerable<VocabularyHit> Scan(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var word = _longestFirst.TryGetValue(text[i], out var candidates)
                ? candidates.FirstOrDefault(w => string.CompareOrdinal(text, i, w, 0, w.Length) == 0)
                : null;
            if (word is null)
            {
                i++;
                continue;
            }
            yield return new VocabularyHit(i, word, vocabulary[word]);
            i += word.Length;
        }
    }
}

internal sealed record VocabularyHit(int Index, string Word, string Value)
{
    public int End => Index + Word.Length;
}
