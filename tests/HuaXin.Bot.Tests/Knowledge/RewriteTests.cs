using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>The lexicon rewrites chat words into the written form, unless the documents themselves use the chat word:
/// then they are searched for what they say.</summary>
public class RewriteTests
{
    private static readonly Lexicon Lexicon = Lexicon.Parse("""
        colloquial:
          送温暖: 走访慰问
          老伴: 配偶
        """);

    private static readonly Bm25Index Index = new(
    [
        new IndexedChunk("hardship", "困难职工帮扶办法", ["第八条"], "春节前开展送温暖活动，向困难职工家庭发放慰问金。", 0),
        new IndexedChunk("elderly", "老年人权益保障法", ["第二十一条"], "老年人的婚姻自由受法律保护，子女不得干涉老年人离婚、再婚。配偶之间有相互扶养的义务。", 0),
    ]);

    [Fact]
    public void A_chat_word_the_documents_use_is_searched_as_they_say_it()
    {
        var units = new QueryAnalyzer(Lexicon).Analyze("送温暖发多少钱", Index);

        Assert.Contains(units, u => u.Text.Contains("温暖", StringComparison.Ordinal));
        Assert.DoesNotContain(units, u => u.Text.Contains("慰问", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chat_word_the_documents_lack_is_searched_in_the_written_form()
    {
        var units = new QueryAnalyzer(Lexicon).Analyze("俺娘的老伴不管她", Index);

        Assert.Contains(units, u => u.Text.Contains("配偶", StringComparison.Ordinal));
        Assert.DoesNotContain(units, u => u.Text.Contains("老伴", StringComparison.Ordinal));
    }
}
