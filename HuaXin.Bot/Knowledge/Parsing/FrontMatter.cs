using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>The optional YAML block between the leading "---" lines of a Markdown document.</summary>
internal static class FrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Splits the file into its front matter fields (keys lower-cased; none when the file has no front matter)
    /// and the Markdown body.</summary>
    /// <exception cref="DocumentFormatException">The front matter is there but unreadable, or names one field twice
    /// with different values (id and ID).</exception>
    public static (IReadOnlyDictionary<string, string> Fields, string[] Body) Split(string[] lines)
    {
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].Trim() != "---")
        {
            return (new Dictionary<string, string>(), lines);
        }
        var close = Array.FindIndex(lines, first + 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw new DocumentFormatException("YAML front matter 没有结束的 ---");
        }
        var yaml = string.Join('\n', lines[(first + 1)..close]);
        object? raw;
        try
        {
            raw = Yaml.Deserialize<object?>(yaml);
        }
        catch (YamlException e)
        {
            throw new DocumentFormatException($"YAML front matter 格式错误（第 {e.Start.Line + first + 1} 行）：{e.Message}", e);
        }
        if (raw is not null and not IDictionary<object, object>)
        {
            throw new DocumentFormatException("YAML front matter 应为「字段: 值」的列表");
        }
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var spelled = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in (IDictionary<object, object>?)raw ?? new Dictionary<object, object>())
        {
            // Lists and maps (tags: [...]) are not fields the engine uses.
            if (value is null or IDictionary<object, object> or IList<object>)
            {
                continue;
            }
            var name = Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
            var text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "";
            var normalized = name.ToLowerInvariant();
            if (fields.TryGetValue(normalized, out var existing) && existing != text)
            {
                throw new DocumentFormatException($"front matter 字段 {spelled[normalized]} 和 {name} 只差大小写，取值却不同，无法确定用哪个");
            }
            fields[normalized] = text;
            spelled[normalized] = name;
        }
        return (fields, lines[(close + 1)..]);
    }
}
