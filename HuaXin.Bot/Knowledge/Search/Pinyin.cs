namespace HuaXin.Bot.Knowledge.Search;

/// <summary>How common characters sound (toneless pinyin, one reading each; pinyin.txt, written by
/// scripts/pinyin-table.sh from ICU). Chinese is typed by sound, so it goes wrong by sound: 公资 for 工资, 社宝 for 社保,
/// or the pinyin itself when the input method was not switched (算不算gong伤). The corpus decides which of the
/// characters that sound alike was meant.</summary>
public static class Pinyin
{
    private static readonly Lazy<(Dictionary<char, string> SyllableOf, Dictionary<string, char[]> Characters)> Table = new(Load);

    // A longer phrase of Latin letters is English or a code, not a word typed by sound; unless its words are spaced, as
    // a whole question typed in pinyin is ("kunnan bangfu you sha tiaojian").
    private const int MaxSyllables = 6;
    private const int MaxSpacedSyllables = 20;
    private const int LongestSyllable = 6;

    /// <summary>The other characters with the same toneless reading as <paramref name="c"/>.</summary>
    public static IEnumerable<char> SoundAlike(char c) =>
        Table.Value.SyllableOf.TryGetValue(c, out var syllable) ? Table.Value.Characters[syllable].Where(o => o != c) : [];

    /// <summary>The characters whose reading differs from <paramref name="c"/>'s only where many speakers of northern
    /// dialects do not tell sounds apart: a final -n or -ng (亲/清, 心/星, 根/耕), an initial z, c, s or zh, ch, sh (资/支).
    /// Tried after <see cref="SoundAlike"/> finds nothing.</summary>
    public static IEnumerable<char> NearSoundAlike(char c)
    {
        if (!Table.Value.SyllableOf.TryGetValue(c, out var syllable))
        {
            return [];
        }
        return NearSyllables(syllable).SelectMany(s => Table.Value.Characters.GetValueOrDefault(s, []));
    }

    private static IEnumerable<string> NearSyllables(string syllable)
    {
        var finals = syllable.EndsWith("ng", StringComparison.Ordinal) ? [syllable[..^1]]
            : syllable.EndsWith('n') ? [syllable + "g"] : Array.Empty<string>();
        var initial = syllable switch
        {
            _ when syllable.StartsWith("zh", StringComparison.Ordinal) || syllable.StartsWith("ch", StringComparison.Ordinal)
                || syllable.StartsWith("sh", StringComparison.Ordinal) => syllable[0] + syllable[2..],
            ['z' or 'c' or 's', ..] => syllable[0] + "h" + syllable[1..],
            _ => null,
        };
        return initial is null ? finals : [.. finals, initial];
    }

    /// <summary>One character standing for the sound of <paramref name="c"/> (all its sound-alikes get the same one);
    /// a character without a reading stands for itself.</summary>
    public static char Sound(char c) =>
        Table.Value.SyllableOf.TryGetValue(c, out var syllable) ? Table.Value.Characters[syllable][0] : c;

    /// <summary>The sound of each syllable of a lower-case pinyin word (xingeng → 心, 梗's sounds), or null when the
    /// letters are not pinyin. A syllable after the first does not begin with a vowel (the rule that writes 西安 xi'an),
    /// and the longest syllable is taken first.</summary>
    public static IReadOnlyList<char>? Syllables(string letters)
    {
        var characters = Table.Value.Characters;
        var sounds = new List<char>();
        return Split(0) ? sounds : null;

        bool Split(int at)
        {
            if (at == letters.Length) return true;
            for (var length = Math.Min(LongestSyllable, letters.Length - at); length >= 1; length--)
            {
                if ((at > 0 && letters[at] is 'a' or 'e' or 'o') || !characters.TryGetValue(letters.Substring(at, length), out var chars)) continue;
                sounds.Add(chars[0]);
                if (sounds.Count <= MaxSyllables && Split(at + length)) return true;
                sounds.RemoveAt(sounds.Count - 1);
            }
            return false;
        }
    }

    /// <summary>The text with each phrase of lower-case pinyin (gong伤, jingji buchang) written in the characters the
    /// corpus uses for it: every character in a bigram the index holds with a neighbour, the most frequent such reading.
    /// A phrase with no such reading, or in capitals (APP, QQ), is left as typed.</summary>
    public static string Spell(string text, Bm25Index index)
    {
        if (!text.Any(char.IsAsciiLetterLower))
        {
            return text;
        }
        var result = new System.Text.StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            if (!char.IsAsciiLetter(text[at]))
            {
                result.Append(text[at++]);
                continue;
            }
            // A phrase: Latin words separated by single spaces.
            var end = at;
            while (end < text.Length && (char.IsAsciiLetter(text[end]) || (text[end] == ' ' && end + 1 < text.Length && char.IsAsciiLetter(text[end + 1]))))
            {
                end++;
            }
            var phrase = text[at..end];
            var before = at > 0 && TextNormalizer.IsCjk(text[at - 1]) ? text[at - 1] : (char?)null;
            var after = end < text.Length && TextNormalizer.IsCjk(text[end]) ? text[end] : (char?)null;
            result.Append(phrase.Any(char.IsAsciiLetterUpper) ? phrase : Read(phrase, before, after, index) ?? phrase);
            at = end;
        }
        return result.ToString();
    }

    private sealed record State(double Score, bool Linked, string Text, int Links = 0);

    /// <summary>The best reading of a lower-case phrase in characters, or null. Every segmentation into syllables is
    /// tried at once: a state is the letter position reached and the last character; a character must form an indexed
    /// bigram with the one before or after it (across a space too), and the reading scores the bigrams' log frequency.</summary>
    private static string? Read(string phrase, char? before, char? after, Bm25Index index)
    {
        var letters = phrase.Replace(" ", "", StringComparison.Ordinal);
        var spaceBefore = new bool[letters.Length + 1];
        for (int i = 0, p = 0; i < phrase.Length; i++)
        {
            if (phrase[i] == ' ')
            {
                spaceBefore[p] = true;
            }
            else
            {
                p++;
            }
        }
        var (_, characters) = Table.Value;
        var spaced = phrase.Contains(' ');
        var longest = spaced ? MaxSpacedSyllables : MaxSyllables;
        // states[p]: last character -> best state that has read letters[..p]
        var states = new Dictionary<char, State>?[letters.Length + 1];
        for (var p = 0; p < letters.Length; p++)
        {
            var from = p == 0 ? null : states[p];
            if (p > 0 && from is null)
            {
                continue;
            }
            for (var length = 1; length <= LongestSyllable && p + length <= letters.Length; length++)
            {
                if (length > 1 && spaceBefore[p + length - 1])
                {
                    break; // a syllable does not cross a space
                }
                // As in Syllables: inside a word a syllable does not begin with a vowel (jitian is ji-tian, not ji-ti-an).
                if ((p > 0 && !spaceBefore[p] && letters[p] is 'a' or 'e' or 'o') || !characters.TryGetValue(letters.Substring(p, length), out var candidates))
                {
                    continue;
                }
                var next = states[p + length] ??= [];
                foreach (var c in candidates)
                {
                    if (from is null)
                    {
                        var opening = before is { } b ? $"{b}{c}" : null;
                        var linked = opening is not null && index.Contains(opening);
                        Keep(next, c, new State(linked ? Weight(index, opening!) : spaced ? Commonness(ChineseWords.Frequency(c.ToString())) : 0, linked, c.ToString(), linked ? 1 : 0));
                        continue;
                    }
                    foreach (var (previous, state) in from)
                    {
                        if (state.Text.Length >= longest)
                        {
                            continue;
                        }
                        var bigram = $"{previous}{c}";
                        if (index.Contains(bigram))
                        {
                            Keep(next, c, new State(state.Score + Weight(index, bigram), true, state.Text + c, state.Links + 1));
                        }
                        else if (spaced && !spaceBefore[p] && ChineseWords.Frequency(bigram) is > 0 and var frequency)
                        {
                            // Inside a spaced word, a dictionary word the corpus lacks (zenme, jitian), the commonest.
                            Keep(next, c, new State(state.Score + Commonness(frequency), false, state.Text + c, state.Links));
                        }
                        else if (spaceBefore[p])
                        {
                            // A word of its own the corpus has no bigram for (you, sha): the commonest character of the sound.
                            Keep(next, c, new State(state.Score + Commonness(ChineseWords.Frequency(c.ToString())), false, state.Text + c, state.Links));
                        }
                    }
                }
            }
        }
        State? best = null;
        foreach (var (last, state) in states[letters.Length] ?? [])
        {
            var closing = after is { } a && index.Contains($"{last}{a}");
            // A spaced phrase is read when the corpus links any of it; its other words may be plain dictionary words.
            if (!state.Linked && !closing && !(spaced && state.Links > 0))
            {
                continue;
            }
            var score = state.Score + (closing ? Weight(index, $"{last}{after}") : 0);
            if (best is null || score > best.Score)
            {
                best = state with { Score = score };
            }
        }
        return best?.Text;
    }

    private static double Weight(Bm25Index index, string bigram) => Math.Log(1 + index.DocumentFrequency(bigram));

    // How common a dictionary reading is, as a cost (each reading costs, the rarer the more, so more and shorter words
    // are not preferred), a hair's weight beside the corpus's bigrams so it only chooses among readings the corpus does
    // not tell apart. jieba's most frequent word (的) is counted about 3 million times.
    private static double Commonness(int frequency) => (Math.Log(1 + frequency) - 15) / 1000;

    private static void Keep(Dictionary<char, State> states, char c, State state)
    {
        if (!states.TryGetValue(c, out var kept) || state.Score > kept.Score || (state.Score == kept.Score && state.Linked && !kept.Linked))
        {
            states[c] = state;
        }
    }

    private static (Dictionary<char, string>, Dictionary<string, char[]>) Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("HuaXin.Bot.Knowledge.Search.pinyin.txt")
            ?? throw new InvalidOperationException("pinyin.txt is not embedded");
        using var reader = new StreamReader(stream);
        var syllableOf = new Dictionary<char, string>();
        var characters = new Dictionary<string, char[]>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#') || line.Split('\t') is not [var syllable, var chars])
            {
                continue;
            }
            characters[syllable] = chars.ToCharArray();
            foreach (var c in chars)
            {
                syllableOf[c] = syllable;
            }
        }
        return (syllableOf, characters);
    }
}
