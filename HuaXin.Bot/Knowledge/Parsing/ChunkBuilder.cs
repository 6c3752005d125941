using System.Text;

namespace HuaXin.Bot.Knowledge.Parsing;

/// <summary>Collects headings and paragraphs in reading order and cuts them into clause-aware chunks:
/// a chunk never spans two headings, and every chunk keeps the heading path it was found under.</summary>
/// <remarks>Structure comes from markup (Markdown #, Word heading styles) or from numbering, whichever the document
/// uses: 第X章/第X节 and short "一、…" lines are headings, a paragraph starting with 第X条 opens a clause, and numbered
/// items (（一）, 1.) directly under a heading that is not a clause are clauses of their own (a 承诺 or 指南 written as
/// lists); inside a 第X条 clause they stay part of it.</remarks>
internal sealed class ChunkBuilder
{
    /// <summary>Clauses longer than this are split at paragraph, then sentence, then comma boundaries.</summary>
    public const int MaxChunkChars = 400;

    private const int MaxLevels = 9;
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?', ';'];
    private static readonly char[] SoftBreaks = ['，', '、', ',', '：', ':', ' ', '　'];

    private readonly string?[] _path = new string?[MaxLevels];
    private readonly List<string> _paragraphs = [];
    private readonly List<ParsedChunk> _chunks = [];

    // Where numbered headings go: at the level the same kind of heading had (in markup or numbering), else below the
    // last markup heading that is not numbered. Then the level of the heading clauses and items are children of, and of
    // the open clause or item (0: none).
    private readonly Dictionary<ClauseHeadings.Kind, int> _kindLevels = [];
    private int _markupBase;
    private int _containerLevel;
    private int _clauseLevel;
    private int _itemLevel;
    private string? _itemStyle;

    /// <summary>A heading from markup (Markdown #, Word heading style); level 1 is the highest.</summary>
    public void Heading(int level, string text)
    {
        level = Math.Clamp(level, 1, MaxLevels);
        SetPath(level, text);
        var isClause = ClauseHeadings.TryClause(text, out _, out _);
        if (ClauseHeadings.TryStructuralHeading(text, out var kind))
        {
            _kindLevels[kind] = level;
        }
        else if (!isClause)
        {
            _markupBase = level;
            _kindLevels.Clear();
        }
        _containerLevel = isClause ? level - 1 : level;
        _clauseLevel = isClause ? level : 0;
        ResetItems();
    }

    /// <summary>A line of body text: a numbered heading, the start of a clause or item, or a paragraph.</summary>
    public void Line(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return;
        }
        if (ClauseHeadings.TryStructuralHeading(text, out var kind))
        {
            var level = Math.Clamp(LevelOf(kind), 1, MaxLevels);
            _kindLevels[kind] = level;
            SetPath(level, text);
            _containerLevel = level;
            _clauseLevel = 0;
            ResetItems();
            return;
        }
        if (ClauseHeadings.TryClause(text, out var clause, out var rest))
        {
            // A sibling of the open clause, else a child of the heading above.
            var level = Math.Clamp(_clauseLevel > 0 ? _clauseLevel : _containerLevel + 1, 1, MaxLevels);
            SetPath(level, clause);
            _clauseLevel = level;
            ResetItems();
            Add(rest);
            return;
        }
        if (_clauseLevel == 0 && ClauseHeadings.TryItem(text, out var label, out var style) && (_itemStyle is null || _itemStyle == style))
        {
            var level = Math.Clamp(_itemLevel > 0 ? _itemLevel : _containerLevel + 1, 1, MaxLevels);
            SetPath(level, label);
            _itemLevel = level;
            _itemStyle = style;
            Add(text);
            return;
        }
        Add(text);
    }

    private int LevelOf(ClauseHeadings.Kind kind) =>
        _kindLevels.TryGetValue(kind, out var known) ? known
        : kind == ClauseHeadings.Kind.Section && _kindLevels.TryGetValue(ClauseHeadings.Kind.Chapter, out var chapter) ? chapter + 1
        : _markupBase + (kind == ClauseHeadings.Kind.Section ? 2 : 1);

    public IReadOnlyList<ParsedChunk> Build()
    {
        Flush();
        return _chunks;
    }

    private void SetPath(int level, string text)
    {
        Flush();
        _path[level - 1] = text.Trim();
        Array.Clear(_path, level, MaxLevels - level);
    }

    private void ResetItems()
    {
        _itemLevel = 0;
        _itemStyle = null;
    }

    private void Add(string text)
    {
        if (text.Length > 0)
        {
            _paragraphs.Add(text);
        }
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
        foreach (var sentence in Sentences(paragraph).SelectMany(SplitLongSentence))
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

    /// <summary>A "sentence" with no full stop for pages (a pasted table, a one-paragraph file) is cut at the last comma
    /// or space before the limit, else at the limit, so no chunk is ever longer than <see cref="MaxChunkChars"/>.</summary>
    private static IEnumerable<string> SplitLongSentence(string sentence)
    {
        var start = 0;
        while (sentence.Length - start > MaxChunkChars)
        {
            var soft = sentence.LastIndexOfAny(SoftBreaks, start + MaxChunkChars - 1, MaxChunkChars);
            var end = soft > start + MaxChunkChars / 2 ? soft + 1 : start + MaxChunkChars;
            // Never between the two halves of a surrogate pair.
            if (char.IsHighSurrogate(sentence[end - 1]))
            {
                end--;
            }
            yield return sentence[start..end];
            start = end;
        }
        yield return sentence[start..];
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
