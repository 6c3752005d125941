namespace HuaXin.Bot.Knowledge.Search;

/// <summary>jieba's precise mode with its hidden Markov model, as jieba.NET 0.42.2 cuts (same dictionary, same model,
/// same tie-breaking, so the same words), over the word table <see cref="ChineseWords"/> already holds. jieba.NET keeps
/// a second dictionary of every word and every prefix of one as strings (about 30 MB more, and half a second to load).
/// </summary>
internal sealed class WordSegmenter(WordTable words, double total, int longest, UnknownWordModel? unknown)
{
    private readonly double _logTotal = Math.Log(total);

    /// <summary>The words of the text in order. Runs of Chinese characters, letters, digits and + # &amp; . _ % · - are
    /// cut by the dictionary; every other character is a word of its own ("\r\n" one word).</summary>
    public List<string> Cut(string text)
    {
        var result = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (InRun(text[i]))
            {
                while (i < text.Length && InRun(text[i]))
                {
                    i++;
                }
                CutRun(text.AsSpan(start, i - start), result);
                continue;
            }
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            result.Add(text[start..i]);
        }
        return result;
    }

    private static bool InRun(char c) =>
        UnknownWordModel.IsChinese(c) || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';

    // The most probable path through the words the dictionary finds in the run (log frequency over the total, a
    // character it lacks counted once); consecutive single characters are then joined by the hidden Markov model
    // unless together they are a dictionary word.
    private void CutRun(ReadOnlySpan<char> run, List<string> result)
    {
        var n = run.Length;
        var score = new double[n + 1];
        var end = new int[n]; // the best word starting at i is run[i..end[i]]
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = i + 1;
            var any = false;
            for (var j = i + 1; j <= Math.Min(n, i + longest); j++)
            {
                var frequency = Frequency(run[i..j]);
                if (frequency <= 0)
                {
                    continue;
                }
                any = true;
                var candidate = Math.Log(frequency) - _logTotal + score[j];
                // The shorter word wins a tie, as in jieba.NET.
                if (best < candidate)
                {
                    (best, bestEnd) = (candidate, j);
                }
            }
            if (!any)
            {
                best = Math.Log(1) - _logTotal + score[i + 1];
            }
            (score[i], end[i]) = (best, bestEnd);
        }

        var single = -1; // where the current run of single characters began
        for (var x = 0; x < n; x = end[x])
        {
            if (end[x] - x == 1)
            {
                single = single < 0 ? x : single;
                continue;
            }
            if (single >= 0)
            {
                Singles(run[single..x], result);
                single = -1;
            }
            result.Add(run[x..end[x]].ToString());
        }
        if (single >= 0)
        {
            Singles(run[single..], result);
        }
    }

    private void Singles(ReadOnlySpan<char> chars, List<string> result)
    {
        if (chars.Length > 1 && unknown is not null && Frequency(chars) <= 0)
        {
            unknown.Cut(chars, result);
            return;
        }
        foreach (var c in chars)
        {
            result.Add(c.ToString());
        }
    }

    private int Frequency(ReadOnlySpan<char> word) => words.IndexOf(word) is var i and >= 0 ? words.Frequency(i) : 0;
}
