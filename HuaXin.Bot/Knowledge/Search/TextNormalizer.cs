using System.Text;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>One normal form for documents and questions: full-width letters and digits folded (NFKC), lower case.</summary>
internal static class TextNormalizer
{
    public static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    /// <summary>Maximal runs of Chinese characters, or of letters and digits; everything else separates runs.</summary>
    public static IEnumerable<(string Text, bool Cjk)> Runs(string normalized)
    {
        var start = 0;
        while (start < normalized.Length)
        {
            var c = normalized[start];
            var cjk = IsCjk(c);
            if (!cjk && !char.IsLetterOrDigit(c))
            {
                start++;
                continue;
            }
            var end = start + 1;
            while (end < normalized.Length && (cjk ? IsCjk(normalized[end]) : !IsCjk(normalized[end]) && char.IsLetterOrDigit(normalized[end])))
            {
                end++;
            }
            yield return (normalized[start..end], cjk);
            start = end;
        }
    }

    /// <summary>Index terms of a text: Chinese character unigrams and overlapping bigrams; letter/digit runs whole.</summary>
    public static IEnumerable<string> Terms(string text)
    {
        foreach (var (run, cjk) in Runs(Normalize(text)))
        {
            if (!cjk)
            {
                yield return run;
                continue;
            }
            for (var i = 0; i < run.Length; i++)
            {
                yield return run[i].ToString();
                if (i + 1 < run.Length)
                {
                    yield return run.Substring(i, 2);
                }
            }
        }
    }
}
