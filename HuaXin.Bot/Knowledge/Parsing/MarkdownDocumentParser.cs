using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Markdown with YAML front matter (id, title required); # headings give the clause structure.</summary>
internal static partial class MarkdownDocumentParser
{
    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*\s*$")]
    private static partial Regex AtxHeading();

    public static ParsedDocument Parse(string content)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var (fields, body) = FrontMatter.Split(lines);
        var meta = DocumentMetadata.From(fields);

        var builder = new ChunkBuilder();
        var titleSkipped = false;
        var inFence = false;
        foreach (var raw in body)
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }
            var heading = inFence ? Match.Empty : AtxHeading().Match(line);
            if (!heading.Success)
            {
                builder.Paragraph(CleanInline(line));
                continue;
            }
            var level = heading.Groups[1].Length;
            var text = CleanInline(heading.Groups[2].Value);
            // The document title repeated as "# title" is not part of any clause's path.
            if (level == 1 && !titleSkipped && (text == meta.Title || text.Length == 0))
            {
                titleSkipped = true;
                continue;
            }
            builder.Heading(level, text);
        }
        return meta.WithChunks(builder.Build());
    }

    // Emphasis markers carry no meaning for retrieval and would show up in quoted answers.
    private static string CleanInline(string text) => text.Replace("**", "").Replace("__", "").Trim();
}
