using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HuaXin.Bot.Knowledge.Search;

/// <summary>How people ask versus how policies are written: synonym groups (two-way), rewrites of colloquial words and
/// common typos (one-way), stop phrases (greetings, question words) and stop characters (particles, pronouns).
/// Kept in knowledge/lexicon.yaml so it is maintained with the documents, not in code.</summary>
public sealed record Lexicon(
    IReadOnlyList<IReadOnlyList<string>> Synonyms,
    IReadOnlyDictionary<string, string> Rewrites,
    IReadOnlyList<string> StopPhrases,
    IReadOnlySet<char> StopChars,
    IReadOnlyDictionary<char, IReadOnlyList<char>> Homophones)
{
    public static readonly Lexicon Empty = new([], new Dictionary<string, string>(), [], new HashSet<char>(), new Dictionary<char, IReadOnlyList<char>>());

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <exception cref="YamlDotNet.Core.YamlException">The file is not valid YAML.</exception>
    public static Lexicon Parse(string yaml)
    {
        var file = Yaml.Deserialize<LexiconFile?>(yaml) ?? new LexiconFile();
        var rewrites = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in (file.Colloquial ?? []).Concat(file.Typos ?? []))
        {
            var key = TextNormalizer.Normalize(from.Trim());
            if (key.Length > 0)
            {
                rewrites[key] = TextNormalizer.Normalize(to.Trim());
            }
        }
        return new Lexicon(
            (file.Synonyms ?? []).Select(g => (IReadOnlyList<string>)g.Select(w => TextNormalizer.Normalize(w.Trim())).Where(w => w.Length > 0).Distinct().ToList())
                .Where(g => g.Count > 1).ToList(),
            rewrites,
            (file.StopPhrases ?? []).Select(p => TextNormalizer.Normalize(p.Trim())).Where(p => p.Length > 0).OrderByDescending(p => p.Length).ToList(),
            (file.StopChars ?? "").Where(TextNormalizer.IsCjk).ToHashSet(),
            HomophoneMap(file.Homophones ?? []));
    }

    /// <summary>Each group ("贴帖") makes every character a possible stand-in for the others.</summary>
    private static Dictionary<char, IReadOnlyList<char>> HomophoneMap(IEnumerable<string> groups)
    {
        var map = new Dictionary<char, HashSet<char>>();
        foreach (var group in groups.Select(g => g.Where(TextNormalizer.IsCjk).Distinct().ToArray()))
        {
            foreach (var c in group)
            {
                if (!map.TryGetValue(c, out var set))
                {
                    map[c] = set = [];
                }
                set.UnionWith(group.Where(o => o != c));
            }
        }
        return map.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<char>)kv.Value.ToList());
    }

    private sealed class LexiconFile
    {
        public List<List<string>>? Synonyms { get; set; }
        public Dictionary<string, string>? Colloquial { get; set; }
        public Dictionary<string, string>? Typos { get; set; }
        public List<string>? StopPhrases { get; set; }
        public string? StopChars { get; set; }
        public List<string>? Homophones { get; set; }
    }
}
