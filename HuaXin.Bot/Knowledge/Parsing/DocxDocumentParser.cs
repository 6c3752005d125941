using System.IO.Compression;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Word documents: Heading 1/2/3 (or 标题 1/2/3) styles or outline levels give the structure where the author
/// used them, numbering (第X章, 第X条, 一、) where not; the title is the Title-styled paragraph, else the document
/// properties' title when it is not just the file name, else the first paragraph; the file name is the id.</summary>
internal static partial class DocxDocumentParser
{
    /// <summary>The package may not unpack to more than this: a 356 KB file can hold 100 MB of XML.</summary>
    public const long MaxUncompressedBytes = 32L * 1024 * 1024;

    [GeneratedRegex(@"^(?:heading|标题)\s*([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    public static ParsedDocument Parse(byte[] content, string fileId)
    {
        CheckUnpackedSize(content);
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new DocumentFormatException($"无法读取 .docx：{e.Message}", e);
        }
        using (word)
        {
            var body = word.MainDocumentPart?.Document?.Body ?? throw new DocumentFormatException("无法读取 .docx：没有正文");
            var styleNames = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var style in word.MainDocumentPart!.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
            {
                if (style.StyleId?.Value is { } id)
                {
                    styleNames[id] = style.StyleName?.Val?.Value ?? id;
                }
            }

            var paragraphs = new List<(string Text, string? StyleId, string? StyleName, int? OutlineLevel)>();
            var characters = 0L;
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var text = paragraph.InnerText.Trim();
                if (text.Length == 0)
                {
                    continue;
                }
                characters += text.Length;
                if (characters > DocumentParser.MaxDocumentChars)
                {
                    throw DocumentParser.TooLong();
                }
                var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                paragraphs.Add((text, styleId, styleId is null ? null : styleNames.GetValueOrDefault(styleId, styleId), OutlineLevel(paragraph)));
            }

            var titleStyled = paragraphs.FindIndex(p => IsTitleStyle(p.StyleId) || IsTitleStyle(p.StyleName));
            var property = word.PackageProperties.Title?.Trim();
            // Tools often put the file name (or a slug) into the title property; the document's own title is better.
            var usableProperty = string.IsNullOrWhiteSpace(property) || string.Equals(property, fileId, StringComparison.OrdinalIgnoreCase) || !property.Any(TextIsCjk) ? null : property;
            var titleIndex = titleStyled >= 0 ? titleStyled : usableProperty is null && paragraphs.Count > 0 ? 0 : -1;
            var title = titleIndex >= 0 ? paragraphs[titleIndex].Text : usableProperty ?? fileId;

            var builder = new ChunkBuilder();
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var (text, styleId, styleName, outline) = paragraphs[i];
                if (i == titleIndex || IsTitleStyle(styleId) || IsTitleStyle(styleName) || text == title)
                {
                    continue;
                }
                if ((HeadingLevel(styleId) ?? HeadingLevel(styleName) ?? outline) is { } level)
                {
                    builder.Heading(level, text);
                }
                else
                {
                    builder.Line(text);
                }
            }
            return DocumentMetadata.From(new Dictionary<string, string>(), fileId, title).WithChunks(builder.Build());
        }
    }

    /// <summary>Counts what the package really unpacks to (declared sizes can lie), stopping at the limit.</summary>
    private static void CheckUnpackedSize(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var total = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxUncompressedBytes - total)
                {
                    throw TooBig();
                }
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > MaxUncompressedBytes)
                    {
                        throw TooBig();
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new DocumentFormatException($"无法读取 .docx：{e.Message}", e);
        }
    }

    private static DocumentFormatException TooBig() =>
        new($"解压后超过 {MaxUncompressedBytes / 1024 / 1024} MB，不像正常的政策文件，已拒绝（请检查文件或拆分后上传）");

    private static bool TextIsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static bool IsTitleStyle(string? style) => style is not null
        && (style.Equals("Title", StringComparison.OrdinalIgnoreCase) || style == "标题");

    private static int? HeadingLevel(string? style)
    {
        var match = style is null ? Match.Empty : HeadingStyle().Match(style.Replace(" ", ""));
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // Direct formatting: some documents mark headings with an outline level instead of a heading style.
    private static int? OutlineLevel(Paragraph paragraph) =>
        paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } level && level < 9 ? level + 1 : null;
}
