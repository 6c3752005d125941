using System.Text;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>Turns a chat question into query units: rewrites colloquial words and known typos, drops greetings and
/// particles, groups synonyms into one unit, and offers corrections for a character that matches nothing
/// (homophones from the lexicon first, then characters that sound alike, else a character that fits both neighbours in
/// the vocabulary).</summary>
public sealed class QueryAnalyzer
{
    private const double SynonymWeight = 0.7;
    private const double HomophoneWeight = 0.8;
    private const double ContextGuessWeight = 0.5;
    private const int MaxContextGuesses = 2;
    private const int MaxSoundAlikes = 2;

    // A character of a word the corpus lacks: weight and the most chunks it may occur in, chosen among 0.3/0.5/0.7 and
    // 2%/5% on the dev sets (README, Quality); a common character (工, 家) says nothing of the meaning.
    private const double MorphemeWeight = 0.3;
    private const double MorphemeShare = 0.02;

    private readonly Lexicon _lexicon;
    private readonly Dictionary<string, IReadOnlyList<string>> _groupOf = new(StringComparer.Ordinal);
    private readonly KeyValuePair<string, string>[] _rewrites;
    private readonly HashSet<string> _stopPhrases;
    private readonly int _longestEntry;

    public QueryAnalyzer(Lexicon lexicon)
    {
        _lexicon = lexicon;
        foreach (var group in lexicon.Synonyms)
        {
            foreach (var word in group)
            {
                // A word listed in two groups joins them: it is a synonym of both.
                _groupOf[word] = _groupOf.TryGetValue(word, out var existing) ? existing.Union(group).ToList() : group;
            }
        }
        _rewrites = lexicon.Rewrites.OrderByDescending(r => r.Key.Length).ToArray();
        _stopPhrases = lexicon.StopPhrases.ToHashSet(StringComparer.Ordinal);
        _longestEntry = _groupOf.Keys.Concat(_stopPhrases).Select(w => w.Length).DefaultIfEmpty(1).Max();
    }

    /// <summary>The lexicon's synonyms of a word (itself among them), or none.</summary>
    public IReadOnlyList<string> SynonymsOf(string word) => _groupOf.TryGetValue(word, out var group) ? group : [];

    public IReadOnlyList<QueryUnit> Analyze(string question, Bm25Index index)
    {
        var text = TextNormalizer.Normalize(question);
        foreach (var (from, to) in _rewrites)
        {
            // The documents' own wording wins: a corpus that says 送温暖 or 干活 is searched for it, not for the
            // written form the lexicon would put in its place.
            if (text.Contains(from, StringComparison.Ordinal) && !UsedBy(index, from))
            {
                text = text.Replace(from, to, StringComparison.Ordinal);
            }
        }
        var units = new List<QueryUnit>();
        foreach (var (run, cjk) in TextNormalizer.Runs(text))
        {
            if (!cjk)
            {
                units.Add(new QueryUnit(run, [new QueryAlternative([run], 1)]));
                continue;
            }
            var pending = new StringBuilder();
            for (var i = 0; i < run.Length;)
            {
                // Longest match wins between a lexicon word and a stop phrase, so "多少钱" stays a word while "多少" is dropped.
                var word = LongestAt(run, i, _groupOf.ContainsKey);
                var stop = LongestAt(run, i, _stopPhrases.Contains);
                if (stop is not null && stop.Length > (word?.Length ?? 0))
                {
                    AddPlain(pending, units, index);
                    i += stop.Length;
                }
                else if (word is not null)
                {
                    AddPlain(pending, units, index);
                    units.Add(new QueryUnit(word, _groupOf[word].Select(w => new QueryAlternative(TermsOf(w), w == word ? 1 : SynonymWeight)).ToList()));
                    i += word.Length;
                }
                else if (_lexicon.StopChars.Contains(run[i]))
                {
                    AddPlain(pending, units, index);
                    i++;
                }
                else
                {
                    pending.Append(run[i++]);
                }
            }
            AddPlain(pending, units, index);
        }
        // Repeating a word should not count it twice.
        return units.DistinctBy(u => u.Text).ToList();
    }

    private static bool UsedBy(Bm25Index index, string word) =>
        word.Length >= 2 && Enumerable.Range(0, word.Length - 1).All(i => index.Contains(word.Substring(i, 2)));

    private string? LongestAt(string run, int start, Func<string, bool> isEntry)
    {
        for (var length = Math.Min(_longestEntry, run.Length - start); length >= 1; length--)
        {
            var candidate = run.Substring(start, length);
            if (isEntry(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private void AddPlain(StringBuilder pending, List<QueryUnit> units, Bm25Index index)
    {
        var span = pending.ToString();
        pending.Clear();
        if (span.Length == 1)
        {
            units.Add(new QueryUnit(span, [new QueryAlternative([span], 1)]));
            return;
        }
        for (var i = 0; i + 1 < span.Length; i++)
        {
            var bigram = span.Substring(i, 2);
            var alternatives = new List<QueryAlternative> { new([bigram], 1) };
            var boundary = false;
            if (!index.Contains(bigram))
            {
                alternatives.AddRange(Corrections(span, i, index));
                alternatives.AddRange(Morphemes(bigram, index));
                // Without word segmentation, an unknown bigram right next to a known one is most likely the seam
                // between two words; an unknown word (off-topic) still shows up as its other, non-adjacent bigrams.
                boundary = (i > 0 && index.Contains(span.Substring(i - 1, 2))) || (i + 2 < span.Length && index.Contains(span.Substring(i + 1, 2)));
            }
            units.Add(new QueryUnit(bigram, alternatives, boundary));
        }
    }

    /// <summary>Bigrams one character away from span[i..i+2] that do occur in the documents.</summary>
    private IEnumerable<QueryAlternative> Corrections(string span, int i, Bm25Index index)
    {
        var (first, second) = (span[i], span[i + 1]);
        List<string> SoundAlikes(Func<char, IEnumerable<char>> alike) =>
            alike(first).Where(index.Preceding(second).Contains).Select(c => (At: i, Char: c))
                .Concat(alike(second).Where(index.Following(first).Contains).Select(c => (At: i + 1, Char: c)))
                .Where(a => InDictionaryWord(Replaced(span, a.At, a.Char), i))
                .Select(a => a.At == i ? $"{a.Char}{second}" : $"{first}{a.Char}")
                .OrderByDescending(index.DocumentFrequency).Take(MaxSoundAlikes).ToList();
        var homophones = _lexicon.Homophones.GetValueOrDefault(first, []).Select(c => $"{c}{second}")
            .Concat(_lexicon.Homophones.GetValueOrDefault(second, []).Select(c => $"{first}{c}"))
            .Where(index.Contains)
            .ToList();
        if (homophones.Count > 0)
        {
            return homophones.Select(b => new QueryAlternative([b], HomophoneWeight));
        }
        // A bigram that is no word of general Chinese here (公资, 社宝) and becomes one with a character that sounds the
        // same (工资, 社保) was likely typed by sound; one that is a word (检察, 公积金's 公积) is what the asker meant,
        // even when the corpus never says it.
        if (!InDictionaryWord(span, i))
        {
            // The index's neighbour sets pick the few sound-alikes that form an indexed bigram, without a string each.
            // The same sound first; a near one (探清假 for 探亲假) only when no same-sounding character makes a word.
            var soundAlike = SoundAlikes(Pinyin.SoundAlike);
            if (soundAlike.Count == 0)
            {
                soundAlike = SoundAlikes(Pinyin.NearSoundAlike);
            }
            if (soundAlike.Count > 0)
            {
                return soundAlike.Select(b => new QueryAlternative([b], HomophoneWeight));
            }
        }
        // Without a homophone, guess only where a wrong character would also break the neighbouring bigram, and the
        // neighbour pins the replacement down from the other side.
        var guesses = new List<string>();
        if (i > 0 && !index.Contains(span.Substring(i - 1, 2)))
        {
            guesses.AddRange(index.Following(span[i - 1]).Intersect(index.Preceding(second)).Select(c => $"{c}{second}"));
        }
        if (i + 2 < span.Length && !index.Contains(span.Substring(i + 1, 2)))
        {
            guesses.AddRange(index.Following(first).Intersect(index.Preceding(span[i + 2])).Select(c => $"{first}{c}"));
        }
        return guesses.Distinct().OrderByDescending(index.DocumentFrequency).Take(MaxContextGuesses)
            .Select(b => new QueryAlternative([b], ContextGuessWeight));
    }

    /// <summary>A word of general Chinese the corpus never uses (欺负, 塌方) shares its meaning with the corpus's words
    /// that share a rare character (欺凌, 坍塌): each of its characters the corpus uses in few chunks.</summary>
    private IEnumerable<QueryAlternative> Morphemes(string bigram, Bm25Index index)
    {
        if (!ChineseWords.IsKnown(bigram))
        {
            return [];
        }
        return bigram.Where(c => !_lexicon.StopChars.Contains(c)).Select(c => c.ToString())
            .Where(c => index.Contains(c) && index.DocumentFrequency(c) <= index.Chunks.Count * MorphemeShare)
            .Select(c => new QueryAlternative([c], MorphemeWeight, Partial: true));
    }

    private static string Replaced(string span, int at, char c) => string.Create(span.Length, (span, at, c), static (chars, state) =>
    {
        state.span.CopyTo(chars);
        chars[state.at] = state.c;
    });

    /// <summary>Whether span[i..i+2] lies inside a word of two to four characters that jieba's dictionary knows.</summary>
    private static bool InDictionaryWord(string span, int i)
    {
        for (var start = Math.Max(0, i - 2); start <= i; start++)
        {
            for (var end = i + 2; end <= Math.Min(span.Length, start + 4); end++)
            {
                if (ChineseWords.IsKnown(span.AsSpan(start, end - start)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static IReadOnlyList<string> TermsOf(string word) =>
        word.Length == 1 ? [word] : Enumerable.Range(0, word.Length - 1).Select(i => word.Substring(i, 2)).ToList();
}
