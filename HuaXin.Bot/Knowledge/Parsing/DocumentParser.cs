namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Chooses the reader by file extension.</summary>
public static class DocumentParser
{
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".md", ".markdown", ".txt", ".docx" };

    /// <summary>Changes whenever the readers cut documents differently, so stored documents are read again.</summary>
    public const string Version = "2";

    /// <summary>Largest file read at all.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Most text one document may hold: about fifty times the longest national law, so only a mistake or an
    /// attack is refused.</summary>
    public const int MaxDocumentChars = 1_000_000;

    public static bool IsSupported(string path) => Extensions.Contains(Path.GetExtension(path));

    /// <summary>Parses the file's bytes.</summary>
    /// <exception cref="DocumentFormatException">The file is unusable; the message says why. Nothing else escapes: a
    /// reader failing in a way nobody foresaw is reported as a bad file too, never stops the caller.</exception>
    public static ParsedDocument Parse(string path, byte[] content)
    {
        if (content.Length == 0)
        {
            throw new DocumentFormatException("文件为空");
        }
        if (content.Length > MaxFileBytes)
        {
            throw new DocumentFormatException($"文件超过 {MaxFileBytes / 1024 / 1024} MB");
        }
        var fileId = Path.GetFileNameWithoutExtension(path);
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".docx" => DocxDocumentParser.Parse(content, fileId),
                ".txt" => TextDocumentParser.Parse(Decode(content), fileId),
                _ => MarkdownDocumentParser.Parse(Decode(content), fileId),
            };
        }
        catch (DocumentFormatException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new DocumentFormatException($"无法读取：{e.Message}", e);
        }
    }

    internal static DocumentFormatException TooLong() =>
        new($"正文超过 {MaxDocumentChars / 10000} 万字，请拆分成几个文件后再放入知识库");

    private static string Decode(byte[] content)
    {
        string text;
        try
        {
            text = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException e)
        {
            throw new DocumentFormatException("文件不是 UTF-8 编码", e);
        }
        return text.Length > MaxDocumentChars ? throw TooLong() : text;
    }
}
