using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>The YAML block between the leading "---" lines of a Markdown document.</summary>
internal static class FrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    /// <summary>Splits the file into its front matter fields and the Markdown body.</summary>
    public static (IReadOnlyDictionary<string, string> Fields, string[] Body) Split(string[] lines)
    {
        var first = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (first < 0 || lines[first].Trim() != "---")
        {
            throw new DocumentFormatException("缺少 YAML front matter（文件应以 --- 开头）");
        }
        var close = Array.FindIndex(lines, first + 1, l => l.Trim() == "---");
        if (close < 0)
        {
            throw new DocumentFormatException("YAML front matter 没有结束的 ---");
        }
        var yaml = string.Join('\n', lines[(first + 1)..close]);
        Dictionary<string, object?>? raw;
        try
        {
            raw = Yaml.Deserialize<Dictionary<string, object?>>(yaml);
        }
        catch (YamlException e)
        {
            throw new DocumentFormatException($"YAML front matter 格式错误（第 {e.Start.Line + first + 1} 行）：{e.Message}", e);
        }
        var fields = (raw ?? []).Where(kv => kv.Value is not null and not IDictionary<object, object> and not IList<object>)
            .ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture)!.Trim());
        return (fields, lines[(close + 1)..]);
    }
}
