using System.Text;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Parsing;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Answering;

/// <summary>Builds the user-facing text from retrieved clauses. Extractive only: the clause's own sentences,
/// trimmed to the ones that match the question when the clause is long, never reworded.</summary>
internal static class AnswerComposer
{
    /// <summary>Clauses up to this length are quoted whole.</summary>
    public const int QuoteWholeUpTo = 220;

    public const string NotCovered =
        "抱歉，知识库里暂时没有找到关于这个问题的规定，我不想给您不准确的答复。如果需要，可以回复“转人工”，我把问题转给工作人员为您解答。";

    public static Citation ToCitation(ScoredChunk hit) =>
        new(hit.Chunk.DocId, hit.Chunk.Title, hit.Chunk.Headings, hit.Chunk.Text, Math.Round(hit.Score, 4));

    public static string Compose(Citation best, IReadOnlyList<Citation> related, IReadOnlyList<QueryUnit> units)
    {
        var text = new StringBuilder($"根据{best.Source}：\n{Excerpt(best.Text, units)}");
        if (related.Count > 0)
        {
            text.Append("\n\n您可能还想了解：").Append(string.Join("；", related.Select(r => r.Source)));
        }
        return text.ToString();
    }

    /// <summary>The sentences of a long clause that share terms with the question, in their original order, with
    /// "……" where sentences were left out. The first sentence is kept because it usually says what the clause is about.</summary>
    public static string Excerpt(string text, IReadOnlyList<QueryUnit> units)
    {
        if (text.Length <= QuoteWholeUpTo)
        {
            return text;
        }
        var sentences = text.Split('\n').SelectMany(ChunkBuilder.Sentences).Where(s => s.Trim().Length > 0).ToList();
        var terms = units.SelectMany(u => u.Alternatives).SelectMany(a => a.Terms).Where(t => t.Length > 1).ToHashSet(StringComparer.Ordinal);
        var matches = sentences.Select(s => terms.Count(t => TextNormalizer.Normalize(s).Contains(t, StringComparison.Ordinal))).ToList();
        if (matches.All(m => m == 0))
        {
            return text;
        }
        var keep = new SortedSet<int> { 0 };
        var length = sentences[0].Length;
        foreach (var i in Enumerable.Range(0, sentences.Count).Where(i => matches[i] > 0).OrderByDescending(i => matches[i]).ThenBy(i => i))
        {
            if (length + sentences[i].Length > QuoteWholeUpTo && keep.Count > 1)
            {
                break;
            }
            keep.Add(i);
            length += sentences[i].Length;
        }
        var result = new StringBuilder();
        var previous = -1;
        foreach (var i in keep)
        {
            if (previous >= 0)
            {
                result.Append(i == previous + 1 ? "\n" : "……\n");
            }
            result.Append(sentences[i].Trim());
            previous = i;
        }
        return keep.Max < sentences.Count - 1 ? result.Append("……").ToString() : result.ToString();
    }
}
