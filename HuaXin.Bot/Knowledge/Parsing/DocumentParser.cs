namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Chooses the reader by file extension.</summary>
public static class DocumentParser
{
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".docx" };

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>Parses the file's bytes.</summary>
    /// <exception cref="DocumentFormatException">The file is unusable; the message says why.</exception>
    public static ParsedDocument Parse(string path, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new DocumentFormatException("文件为空");
        }
        var fileId = Path.GetFileNameWithoutExtension(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".docx" => ParseDocx(content, fileId),
            ".txt" => TextDocumentParser.Parse(Decode(content), fileId),
            _ => MarkdownDocumentParser.Parse(Decode(content)),
        };
    }

    /// <summary>A damaged package part surfaces as XmlException while the body is read, after the package opened.</summary>
    private static ParsedDocument ParseDocx(byte[] content, string fileId)
    {
        try
        {
            return DocxDocumentParser.Parse(new MemoryStream(content, writable: false), fileId);
        }
        catch (System.Xml.XmlException e)
        {
            throw new DocumentFormatException($"无法读取 .docx：{e.Message}", e);
        }
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new DocumentFormatException("文件不是 UTF-8 编码", e);
        }
    }
}
