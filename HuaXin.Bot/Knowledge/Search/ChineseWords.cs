using System.Globalization;
using JiebaNet.Segmenter;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>jieba.NET's word segmentation and its general-Chinese IDF table (how specific a word is in Chinese at large,
/// independent of our corpus). Loaded once per process from the Resources folder the package ships.</summary>
public static class ChineseWords
{
    private static readonly Lazy<JiebaSegmenter?> Segmenter = new(() => Available() ? new JiebaSegmenter() : null);
    private static readonly Lazy<(Dictionary<string, double> Idf, double Median)> Table = new(LoadIdf);

    /// <summary>The words of a run of Chinese text, in order (precise mode, with HMM for words the dictionary lacks).</summary>
    public static IEnumerable<string> Cut(string text) => Segmenter.Value?.Cut(text, cutAll: false, hmm: true) ?? [text];

    /// <summary>Loads the dictionaries now (about half a second), so no user's question pays for it.</summary>
    public static void Warm() => _ = Segmenter.Value?.Cut("职工", false, true).Count() + Table.Value.Median;

    /// <summary>General IDF of a word; words the table lacks get its median, as jieba's keyword extraction does.</summary>
    public static double Idf(string word) => Table.Value.Idf.TryGetValue(word, out var idf) ? idf : Table.Value.Median;

    /// <summary>Whether the general table knows the word (a dictionary word, not a typo or a chat coinage).</summary>
    public static bool IsKnown(string word) => Table.Value.Idf.ContainsKey(word);

    // Without the package's Resources (a broken deployment) the words are missing, not the answers.
    private static bool Available() => File.Exists(Path.Combine(AppContext.BaseDirectory, "Resources", "dict.txt"));

    private static (Dictionary<string, double>, double) LoadIdf()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Resources", "idf.txt");
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.Exists(path) ? File.ReadLines(path) : [])
        {
            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                idf[line[..space].Trim('\uFEFF')] = value;
            }
        }
        var sorted = idf.Values.Order().ToList();
        return (idf, sorted.Count == 0 ? 10 : sorted[sorted.Count / 2]);
    }
}
