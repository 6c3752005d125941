using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Builds small Word documents in memory. Style "a1" is named "标题 1", as Chinese Word names its heading styles.</summary>
internal static class Docx
{
    public static byte[] Build(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                Style("Title", "Title"),
                Style("Heading1", "heading 1"),
                Style("Heading2", "heading 2"),
                Style("a1", "标题 1"));
            main.Document = new Document(new Body(paragraphs.Select(p => new Paragraph(
                p.Style is null ? new ParagraphProperties() : new ParagraphProperties(new ParagraphStyleId { Val = p.Style }),
                new Run(new Text(p.Text))))));
        }
        return stream.ToArray();
    }

    private static Style Style(string id, string name) =>
        new(new StyleName { Val = name }) { StyleId = id, Type = StyleValues.Paragraph };
}
