namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Finds vocabulary words in text left to right, taking the longest word at each position.</summary>
internal sealed class VocabularyScanner(IReadOnlyDictionary<string, string> vocabulary)
{
    private readonly string[] _longestFirst = vocabulary.Keys.OrderByDescending(k => k.Length).ToArray();

    public IEnumerable<VocabularyHit> Scan(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            var word = _longestFirst.FirstOrDefault(w => string.CompareOrdinal(text, i, w, 0, w.Length) == 0);
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
