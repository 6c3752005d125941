using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>A word the corpus never uses (欺负) ranks the clauses that share its rare character (欺凌) higher, without
/// making the question look covered: whether to answer is decided on the words the corpus has.</summary>
public class MorphemeTests
{
    private static readonly Bm25Index Index = new(
    [
        // Without the character, the shorter clause about the school wins.
        new IndexedChunk("minors", "未成年人保护法", ["第三十五条"], "学校保障学生安全。", 0),
        new IndexedChunk("minors", "未成年人保护法", ["第三十九条"], "学校应当建立学生欺凌防控工作制度。", 0),
        // Filler: a character counts as a morpheme only when few chunks use it.
        .. Enumerable.Range(0, 60).Select(i => new IndexedChunk("other", "其他规定", [$"第{i}条"], $"单位应当按月支付劳动报酬，第{i}项。", 0)),
    ]);

    [Fact]
    public void A_word_the_corpus_lacks_ranks_the_clause_that_shares_its_rare_character_first()
    {
        var units = new QueryAnalyzer(Lexicon.Empty).Analyze("学校欺负", Index);

        var hits = Index.Score(units, 2);

        Assert.Equal("第三十九条", hits[0].Chunk.Headings[0]);
        Assert.Equal(hits[1].Coverage, hits[0].Coverage);
    }
}
