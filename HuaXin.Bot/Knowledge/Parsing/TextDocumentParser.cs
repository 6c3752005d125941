namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Plain text: the first line is the title, the file name is the id, and numbering
/// (第X章, 第X节, 第X条, 一、) gives the clause structure.</summary>
internal static class TextDocumentParser
{
    public static ParsedDocument Parse(string content, string fileId)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0)
        {
            throw new DocumentFormatException("文件为空");
        }
        var meta = DocumentMetadata.From(new Dictionary<string, string>(), fileId, lines[0].TrimStart('#').Trim());
        var builder = new ChunkBuilder();
        foreach (var line in lines.Skip(1))
        {
            builder.Line(line);
        }
        return meta.WithChunks(builder.Build());
    }
}
