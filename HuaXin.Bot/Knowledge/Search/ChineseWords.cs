using System.Globalization;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>jieba's word segmentation, its general-Chinese IDF table (how specific a word is in Chinese at large,
/// independent of our corpus) and its dictionary's parts of speech, from the data files the jieba.NET package ships
/// (Resources beside the binaries). Loaded once per process into one word table.</summary>
public static class ChineseWords
{
    private static readonly Lazy<Words> Loaded = new(Load);

    // The words of idf.txt come first in the table (indices below IdfWords); words only the dictionary has follow.
    private sealed record Words(WordTable Table, int IdfWords, double Median, WordSegmenter? Segmenter);

    private enum Kind : byte { Other, Noun, Function }

    // Parts of speech (jieba's dictionary tags) that never name a topic: pronouns (俺家, 咱), adverbs, prepositions,
    // conjunctions, particles, interjections, onomatopoeia, numerals, measure words.
    private static readonly HashSet<string> FunctionTags = new(StringComparer.Ordinal)
    {
        "r", "d", "p", "c", "u", "ud", "ug", "uj", "ul", "uv", "uz", "y", "e", "o", "m", "mq", "q", "x",
    };

    // Common nouns, other proper nouns, organisations, verbal nouns, abbreviations: what a topic is named with.
    private static readonly HashSet<string> NounTags = new(StringComparer.Ordinal) { "n", "nz", "nt", "vn", "j" };

    // The morphemes Chinese questions are asked with; a word holding one (咋办, 多少钱) asks, it names no topic.
    private static readonly string[] Interrogatives = ["什么", "怎么", "怎样", "咋", "啥", "哪", "多少", "几", "吗", "如何", "是否", "能否", "可否", "为何", "多久", "多长", "何时"];

    /// <summary>The words of a run of Chinese text, in order (precise mode, with HMM for words the dictionary lacks).</summary>
    public static IEnumerable<string> Cut(string text) => Loaded.Value.Segmenter?.Cut(text) ?? [text];

    /// <summary>Loads the dictionaries now, so no user's question pays for it.</summary>
    public static void Warm() => _ = Loaded.Value;

    /// <summary>General IDF of a word; words the table lacks get its median, as jieba's keyword extraction does.</summary>
    public static double Idf(string word) => IdfIndex(word) is var i and >= 0 ? Loaded.Value.Table.Weight(i) : Loaded.Value.Median;

    /// <summary>How often jieba's dictionary counts the word (0 when it lacks it): how common a reading of typed pinyin is.</summary>
    public static int Frequency(string word) => Loaded.Value.Table.IndexOf(word) is var i and >= 0 ? Loaded.Value.Table.Frequency(i) : 0;

    /// <summary>The median general IDF: a word below it is commoner than the typical dictionary word (需要, 准备), one at
    /// or above it specific (焊工), as is any word the table lacks.</summary>
    public static double MedianIdf => Loaded.Value.Median;

    /// <summary>Whether the general table knows the word (a dictionary word, not a typo or a chat coinage): one it lacks
    /// may be a typo of a topic (探清假) or a new one. Words only jieba's dictionary lists (loaded for cutting) count as
    /// lacking.</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) => IdfIndex(word) >= 0;

    /// <summary>Whether the word can name what a question is about: a dictionary word of two or more characters that is
    /// neither a function word by its part of speech nor a question word.</summary>
    public static bool IsTopical(string word) =>
        word.Length > 1 && KindOf(word) is { } kind && kind != Kind.Function
        && !Interrogatives.Any(i => word.Contains(i, StringComparison.Ordinal));

    /// <summary>Whether the dictionary tags the word a noun (what topics are named with, 公积金, 建造师).</summary>
    public static bool IsNoun(string word) => KindOf(word) == Kind.Noun;

    private static Kind? KindOf(string word) => IdfIndex(word) is var i and >= 0 ? (Kind)Loaded.Value.Table.Tag(i) : null;

    private static int IdfIndex(ReadOnlySpan<char> word) => Loaded.Value.Table.IndexOf(word) is var i && i < Loaded.Value.IdfWords ? i : -1;

    // Without the package's Resources (a broken deployment) the words are missing, not the answers.
    private static Words Load()
    {
        var resources = Path.Combine(AppContext.BaseDirectory, "Resources");
        var words = new WordTable();
        // Each file read whole and walked as spans: 620k lines, not a string each to collect.
        var idf = ReadAll(Path.Combine(resources, "idf.txt"));
        foreach (var range in idf.AsSpan().Split('\n'))
        {
            var line = idf.AsSpan(range).TrimEnd('\r');
            var space = line.LastIndexOf(' ');
            if (space > 0 && float.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                // A word listed twice keeps its last weight.
                words.SetWeight(words.Add(line[..space].Trim('\uFEFF')), value);
            }
        }
        var idfWords = words.Count;
        var sorted = words.Weights.ToArray();
        Array.Sort(sorted);
        // The dictionary, "word frequency tag" a line: the frequency for cutting (a word listed twice keeps its last and
        // counts twice in the total, as jieba.NET loads it); of a word in the IDF table, the first line tagging it a
        // noun or a function word decides its kind.
        var functionTags = FunctionTags.GetAlternateLookup<ReadOnlySpan<char>>();
        var nounTags = NounTags.GetAlternateLookup<ReadOnlySpan<char>>();
        var dict = ReadAll(Path.Combine(resources, "dict.txt"));
        double total = 0;
        var longest = 1;
        foreach (var range in dict.AsSpan().Split('\n'))
        {
            var line = dict.AsSpan(range).TrimEnd('\r');
            var first = line.IndexOf(' ');
            var second = first < 0 ? -1 : line.LastIndexOf(' ');
            if (second <= first || line[(first + 1)..second].Contains(' ')
                || !int.TryParse(line[(first + 1)..second], NumberStyles.None, CultureInfo.InvariantCulture, out var frequency))
            {
                continue;
            }
            var word = line[..first].Trim('\uFEFF');
            var i = words.Add(word);
            words.SetFrequency(i, frequency);
            total += frequency;
            longest = Math.Max(longest, word.Length);
            if (i < idfWords && words.Tag(i) == (byte)Kind.Other)
            {
                var tag = line[(second + 1)..];
                words.SetTag(i, (byte)(functionTags.Contains(tag) ? Kind.Function : nounTags.Contains(tag) ? Kind.Noun : Kind.Other));
            }
        }
        words.TrimExcess();
        var segmenter = total > 0
            ? new WordSegmenter(words, total, longest, UnknownWordModel.Load(Path.Combine(resources, "prob_emit.json"), Path.Combine(resources, "prob_trans.json")))
            : null;
        return new Words(words, idfWords, sorted.Length == 0 ? 10 : sorted[sorted.Length / 2], segmenter);
    }

    private static string ReadAll(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
