using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Knowledge.Evaluation;

/// <summary>The floor every retrieval change is measured against: <see cref="PlainBigramIndex"/> alone, over the same
/// chunks as the product. It abstains only when no clause shares a bigram with the question.</summary>
public sealed class PlainBm25Baseline(IEnumerable<IndexedChunk> chunks)
{
    private readonly PlainBigramIndex _index = new(chunks);

    public KnowledgeAnswer Ask(string question, int top = 3)
    {
        var hits = _index.Search(question, top)
            .Select(h => new Citation(h.Clause.DocId, h.Clause.Title, h.Clause.Headings, h.Clause.Text, h.Score))
            .ToList();
        return new KnowledgeAnswer(hits.Count > 0, "", hits);
    }
}
