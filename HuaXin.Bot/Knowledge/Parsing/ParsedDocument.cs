namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>A document as read from one file, before it is stored.</summary>
public sealed record ParsedDocument(
    string Id,
    string Title,
    string Category,
    string? Effective,
    string? Owner,
    IReadOnlyList<ParsedChunk> Chunks);

/// <summary>A piece of one clause; <paramref name="Headings"/> is the path below the document title.</summary>
public sealed record ParsedChunk(IReadOnlyList<string> Headings, string Text);
