using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Word documents: Heading 1/2/3 (or 标题 1/2/3) styles give the structure, a Title-styled paragraph or the
/// document properties give the title (else the first paragraph), the file name is the id.</summary>
internal static partial class DocxDocumentParser
{
    [GeneratedRegex(@"^(?:heading|标题)\s*([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingStyle();

    public static ParsedDocument Parse(Stream content, string fileId)
    {
        WordprocessingDocument word;
        try
        {
            word = WordprocessingDocument.Open(content, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new DocumentFormatException($"无法读取 .docx：{e.Message}", e);
        }
        using (word)
        {
            var body = word.MainDocumentPart?.Document?.Body ?? throw new DocumentFormatException("无法读取 .docx：没有正文");
            var styleNames = word.MainDocumentPart!.StyleDefinitionsPart?.Styles?.Elements<Style>()
                .Where(s => s.StyleId?.Value is not null)
                .ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? s.StyleId!.Value!) ?? [];

            string? title = word.PackageProperties.Title;
            var builder = new ChunkBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                var text = paragraph.InnerText.Trim();
                if (text.Length == 0)
                {
                    continue;
                }
                var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
                var styleName = styleId is null ? null : styleNames.GetValueOrDefault(styleId, styleId);
                if (IsTitleStyle(styleId) || IsTitleStyle(styleName))
                {
                    title = string.IsNullOrWhiteSpace(title) ? text : title;
                    continue;
                }
                if (string.IsNullOrWhiteSpace(title))
                {
                    title = text;
                    continue;
                }
                if (text == title)
                {
                    continue;
                }
                var level = HeadingLevel(styleId) ?? HeadingLevel(styleName) ?? OutlineLevel(paragraph);
                if (level is { } l)
                {
                    builder.Heading(l, text);
                }
                else
                {
                    builder.Paragraph(text);
                }
            }
            if (string.IsNullOrWhiteSpace(title))
            {
                throw new DocumentFormatException("文件为空");
            }
            return new DocumentMetadata(DocumentMetadata.CheckedId(fileId), title.Trim(), "regulation", null, null).WithChunks(builder.Build());
        }
    }

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
