namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Validated document fields shared by all formats.</summary>
internal sealed record DocumentMetadata(string Id, string Title, string Category, string? Effective, string? Owner)
{
    /// <summary>The category of a document that names none.</summary>
    public const string DefaultCategory = "regulation";

    public const int MaxIdLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxFieldLength = 100;

    /// <summary>From front matter fields where given, else from the file: the id from the file name, the title from the
    /// document's first heading or, failing that, the file name. Any category is kept as written (e.g. "law", "行政法规").</summary>
    public static DocumentMetadata From(IReadOnlyDictionary<string, string> fields, string fileId, string? firstHeading)
    {
        var id = Blank(fields.GetValueOrDefault("id")) ?? fileId;
        var title = Blank(fields.GetValueOrDefault("title")) ?? Blank(firstHeading) ?? fileId;
        var category = Blank(fields.GetValueOrDefault("category")) ?? DefaultCategory;
        return new DocumentMetadata(
            CheckedId(id),
            Checked(title, MaxTitleLength, "title"),
            Checked(category, MaxFieldLength, "category"),
            CheckedOptional(Blank(fields.GetValueOrDefault("effective")), MaxFieldLength, "effective"),
            CheckedOptional(Blank(fields.GetValueOrDefault("owner")), MaxFieldLength, "owner"));
    }

    public static string CheckedId(string id)
    {
        id = id.Trim();
        if (id.Length == 0)
        {
            throw new DocumentFormatException("id 为空");
        }
        return Checked(id, MaxIdLength, "id");
    }

    public ParsedDocument WithChunks(IReadOnlyList<ParsedChunk> chunks) => chunks.Count == 0
        ? throw new DocumentFormatException("文档没有正文内容")
        : new ParsedDocument(Id, Title.Trim(), Category, Effective, Owner, chunks);

    private static string Checked(string value, int maxLength, string field) => value.Length > maxLength
        ? throw new DocumentFormatException($"{field} 超过 {maxLength} 个字符")
        : value;

    private static string? CheckedOptional(string? value, int maxLength, string field) => value is null ? null : Checked(value, maxLength, field);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
