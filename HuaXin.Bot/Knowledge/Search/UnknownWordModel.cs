using System.Text.Json;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>jieba's hidden Markov model for runs of characters its dictionary does not join into words: each character
/// Begins, is in the Middle of, Ends or is a Single word, and the most likely sequence of these states (Viterbi) cuts
/// the run. Probabilities are jieba's (prob_emit.json, prob_trans.json and the start probabilities its code holds);
/// ties are broken as jieba.NET 0.42.2 breaks them, so the words are the same.</summary>
internal sealed class UnknownWordModel
{
    private const int B = 0, M = 1, E = 2, S = 3;
    private const double Never = -3.14e100; // jieba's log probability of what its model never saw

    private static readonly string StateNames = "BMES";
    private static readonly double[] Start = [-0.26268660809250016, Never, Never, -1.4652633398537678];

    // The states that may come before each state, in the order jieba.NET tries them (the later wins a tie).
    private static readonly int[][] Before = [[E, S], [M, B], [B, M], [S, E]];

    private readonly Dictionary<char, double>[] _emit;
    private readonly double[,] _transition; // [from, to]

    private UnknownWordModel(Dictionary<char, double>[] emit, double[,] transition) => (_emit, _transition) = (emit, transition);

    /// <summary>Reads jieba's model files; null when either is missing.</summary>
    public static UnknownWordModel? Load(string emitPath, string transitionPath)
    {
        if (!File.Exists(emitPath) || !File.Exists(transitionPath))
        {
            return null;
        }
        var emit = Read(emitPath);
        var transitionRead = Read(transitionPath);
        var transition = new double[4, 4];
        for (var from = 0; from < 4; from++)
        {
            for (var to = 0; to < 4; to++)
            {
                transition[from, to] = transitionRead[from].GetValueOrDefault(StateNames[to], Never);
            }
        }
        return new UnknownWordModel(emit, transition);
    }

    /// <summary>Cuts a run of characters: runs of Chinese characters by the model, other characters into runs of
    /// letters and digits (a decimal and a percent sign kept with them) and runs of the rest.</summary>
    public void Cut(ReadOnlySpan<char> text, List<string> words)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (IsChinese(text[i]))
            {
                while (i < text.Length && IsChinese(text[i]))
                {
                    i++;
                }
                Viterbi(text[start..i], words);
                continue;
            }
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }
                if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i]))
                    {
                        i++;
                    }
                }
                if (i < text.Length && text[i] == '%')
                {
                    i++;
                }
            }
            else
            {
                while (i < text.Length && !IsChinese(text[i]) && !char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }
            }
            words.Add(text[start..i].ToString());
        }
    }

    internal static bool IsChinese(char c) => c is >= '\u4E00' and <= '\u9FD5';

    private void Viterbi(ReadOnlySpan<char> text, List<string> words)
    {
        var n = text.Length;
        var from = new byte[n * 4]; // the state before each (position, state) on its best path
        Span<double> score = stackalloc double[4];
        Span<double> next = stackalloc double[4];
        for (var state = 0; state < 4; state++)
        {
            score[state] = Start[state] + Emit(state, text[0]);
        }
        for (var i = 1; i < n; i++)
        {
            for (var state = 0; state < 4; state++)
            {
                var emit = Emit(state, text[i]);
                var best = double.MinValue;
                var bestFrom = 0;
                foreach (var previous in Before[state])
                {
                    var candidate = score[previous] + _transition[previous, state] + emit;
                    if (best <= candidate)
                    {
                        (best, bestFrom) = (candidate, previous);
                    }
                }
                next[state] = best;
                from[i * 4 + state] = (byte)bestFrom;
            }
            next.CopyTo(score);
        }

        Span<byte> states = n <= 256 ? stackalloc byte[n] : new byte[n];
        var last = score[E] < score[S] ? S : E;
        for (var i = n - 1; i >= 0; i--)
        {
            states[i] = (byte)last;
            last = from[i * 4 + last];
        }

        int begin = 0, done = 0;
        for (var i = 0; i < n; i++)
        {
            switch (states[i])
            {
                case B:
                    begin = i;
                    break;
                case E:
                    words.Add(text[begin..(i + 1)].ToString());
                    done = i + 1;
                    break;
                case S:
                    words.Add(text[i].ToString());
                    done = i + 1;
                    break;
            }
        }
        if (done < n)
        {
            words.Add(text[done..].ToString());
        }
    }

    private double Emit(int state, char c) => _emit[state].TryGetValue(c, out var p) ? p : Never;

    // {"B": {"字": -3.6, ...}, "M": {...}, ...}: per state, the log probability of each character.
    private static Dictionary<char, double>[] Read(string path)
    {
        var tables = Enumerable.Range(0, 4).Select(_ => new Dictionary<char, double>()).ToArray();
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var state in document.RootElement.EnumerateObject())
        {
            var index = StateNames.IndexOf(state.Name, StringComparison.Ordinal);
            if (state.Name.Length != 1 || index < 0)
            {
                continue;
            }
            foreach (var entry in state.Value.EnumerateObject())
            {
                if (entry.Name.Length == 1)
                {
                    tables[index][entry.Name[0]] = entry.Value.GetDouble();
                }
            }
        }
        return tables;
    }
}
