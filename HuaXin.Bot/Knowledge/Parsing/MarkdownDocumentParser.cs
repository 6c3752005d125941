using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Markdown, with or without YAML front matter; # headings and 第X章/第X节/第X条 numbering give the clause structure.</summary>
internal static partial class MarkdownDocumentParser
{
    [GeneratedRegex(@"^(#{1,6})\s+(.+?)\s*#*\s*$")]
    private static partial Regex AtxHeading();

    public static ParsedDocument Parse(string content, string fileId)
    {
        var lines = content.ReplaceLineEndings("\n").Split('\n');
        var (fields, body) = FrontMatter.Split(lines);
        var firstHeading = body.Select(l => AtxHeading().Match(l.Trim())).FirstOrDefault(m => m.Success && m.Groups[1].Length == 1)?.Groups[2].Value;
        var meta = DocumentMetadata.From(fields, fileId, firstHeading is null ? null : CleanInline(firstHeading));

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
                builder.Line(CleanInline(line));
                continue;
            }
            var text = CleanInline(heading.Groups[2].Value);
            // The document title repeated as "# title" is not part of any clause's path.
            if (heading.Groups[1].Length == 1 && !titleSkipped && (text == meta.Title || text.Length == 0))
            {
                titleSkipped = true;
                continue;
            }
            builder.Heading(heading.Groups[1].Length, text);
        }
        return meta.WithChunks(builder.Build());
    }

    // Emphasis markers carry no meaning for retrieval and would show up in quoted answers.
    private static string CleanInline(string text) => text.Replace("**", "").Replace("__", "").Trim();
}
