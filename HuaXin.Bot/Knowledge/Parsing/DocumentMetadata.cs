namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Validated document fields shared by all formats.</summary>
internal sealed record DocumentMetadata(string Id, string Title, string Category, string? Effective, string? Owner)
{
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal) { "commitment", "regulation", "guide" };

    public const int MaxIdLength = 200;

    public static DocumentMetadata From(IReadOnlyDictionary<string, string> fields)
    {
        var id = fields.GetValueOrDefault("id");
        var title = fields.GetValueOrDefault("title");
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new DocumentFormatException("缺少必填字段 id");
        }
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DocumentFormatException("缺少必填字段 title");
        }
        var category = fields.GetValueOrDefault("category");
        category = string.IsNullOrWhiteSpace(category) ? "regulation" : category.ToLowerInvariant();
        if (!Categories.Contains(category))
        {
            throw new DocumentFormatException($"category \"{category}\" 无效，应为 commitment、regulation 或 guide");
        }
        return new DocumentMetadata(CheckedId(id), title, category, Blank(fields.GetValueOrDefault("effective")), Blank(fields.GetValueOrDefault("owner")));
    }

    public static string CheckedId(string id)
    {
        id = id.Trim();
        if (id.Length > MaxIdLength)
        {
            throw new DocumentFormatException($"id 超过 {MaxIdLength} 个字符");
        }
        return id;
    }

    public ParsedDocument WithChunks(IReadOnlyList<ParsedChunk> chunks) => chunks.Count == 0
        ? throw new DocumentFormatException("文档没有正文内容")
        : new ParsedDocument(Id, Title.Trim(), Category, Effective, Owner, chunks);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
