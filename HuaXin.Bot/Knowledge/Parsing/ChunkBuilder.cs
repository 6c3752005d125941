using System.Text;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Collects headings and paragraphs in reading order and cuts them into clause-aware chunks:
/// a chunk never spans two headings, and every chunk keeps the heading path it was found under.</summary>
internal sealed class ChunkBuilder
{
    /// <summary>Clauses longer than this are split at paragraph, then sentence, boundaries.</summary>
    public const int MaxChunkChars = 400;

    private const int MaxLevels = 9;
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?', ';'];

    private readonly string?[] _path = new string?[MaxLevels];
    private readonly List<string> _paragraphs = [];
    private readonly List<ParsedChunk> _chunks = [];
    private int _lastMarkupLevel;
    private bool _lastMarkupIsClause;

    /// <summary>A heading from markup (Markdown #, Word heading style); level 1 is the highest.</summary>
    public void Heading(int level, string text)
    {
        Flush();
        level = Math.Clamp(level, 1, MaxLevels);
        _path[level - 1] = text.Trim();
        Array.Clear(_path, level, MaxLevels - level);
        _lastMarkupLevel = level;
        _lastMarkupIsClause = ClauseHeadings.TryClause(text, out _, out _);
    }

    /// <summary>A body paragraph; one that starts with 第X条 opens a clause below the last markup heading.</summary>
    public void Paragraph(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return;
        }
        if (ClauseHeadings.TryClause(text, out var clause, out var rest))
        {
            // Below the last real heading; a sibling of it when that heading is itself a clause ("### 第五条").
            var (markupLevel, markupIsClause) = (_lastMarkupLevel, _lastMarkupIsClause);
            Heading(Math.Clamp(markupIsClause ? markupLevel : markupLevel + 1, 1, MaxLevels), clause);
            (_lastMarkupLevel, _lastMarkupIsClause) = (markupLevel, markupIsClause);
            text = rest;
            if (text.Length == 0)
            {
                return;
            }
        }
        _paragraphs.Add(text);
    }

    public IReadOnlyList<ParsedChunk> Build()
    {
        Flush();
        return _chunks;
    }

    private void Flush()
    {
        if (_paragraphs.Count == 0)
        {
            return;
        }
        var headings = _path.Where(h => !string.IsNullOrEmpty(h)).Select(h => h!).ToArray();
        foreach (var piece in Split(_paragraphs))
        {
            _chunks.Add(new ParsedChunk(headings, piece));
        }
        _paragraphs.Clear();
    }

    private static IEnumerable<string> Split(IEnumerable<string> paragraphs)
    {
        var current = new StringBuilder();
        foreach (var unit in paragraphs.SelectMany(SplitLongParagraph))
        {
            if (current.Length > 0 && current.Length + unit.Length + 1 > MaxChunkChars)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0)
            {
                current.Append('\n');
            }
            current.Append(unit);
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static IEnumerable<string> SplitLongParagraph(string paragraph)
    {
        if (paragraph.Length <= MaxChunkChars)
        {
            yield return paragraph;
            yield break;
        }
        var current = new StringBuilder();
        foreach (var sentence in Sentences(paragraph))
        {
            if (current.Length > 0 && current.Length + sentence.Length > MaxChunkChars)
            {
                yield return current.ToString();
                current.Clear();
            }
            current.Append(sentence);
        }
        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>Sentences including their closing punctuation, so joining them gives back the text unchanged.</summary>
    internal static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOfAny(SentenceEnds, start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }
}
