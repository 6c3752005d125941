using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Search;
using HuaXin.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Knowledge;

public class RetrievalTests : IAsyncLifetime
{
    private KnowledgeFixture _fixture = null!;

    private IKnowledgeSearch Search => _fixture.Services.GetRequiredService<IKnowledgeSearch>();

    public async Task InitializeAsync()
    {
        _fixture = await KnowledgeFixture.CreateAsync();
        await _fixture.Services.InitializeKnowledgeAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData("一次性救助的金额怎么分档？", "hardship", "第六条")]
    [InlineData("俺家娃考上大学了有补贴没", "education", "第五条")]
    [InlineData("请问一下，困难家庭每个月给多少钱", "hardship", "第七条")]
    [InlineData("我老公在外地干活，一年能回家探亲几天", "home-leave", "一、探亲假期")]
    [InlineData("探亲假咋申请，要谁签字", "home-leave", "二、申请程序")]
    public void Colloquial_questions_find_the_clause_through_the_lexicon(string question, string docId, string heading)
    {
        var result = Search.Search(question);

        Assert.True(result.Covered);
        Assert.Equal(docId, result.Hits[0].Chunk.DocId);
        Assert.Contains(heading, result.Hits[0].Chunk.Headings);
    }

    [Theory]
    [InlineData("困难职工每月的生活补帖有多少", "hardship", "第七条")] // 帖 for 贴: listed typo
    [InlineData("子女考入本科的助学进有多少", "education", "第五条")] // 进 for 金: neighbours pin the character
    [InlineData("探亲价要提前几天申请", "home-leave", "二、申请程序")] // 价 for 假: homophone group
    public void One_wrong_or_homophone_character_is_tolerated(string question, string docId, string heading)
    {
        var result = Search.Search(question);

        Assert.True(result.Covered);
        Assert.Equal(docId, result.Hits[0].Chunk.DocId);
        Assert.Contains(heading, result.Hits[0].Chunk.Headings);
    }

    [Fact]
    public async Task A_question_for_conditions_finds_the_clause_that_states_them_before_one_that_only_says_the_word()
    {
        const string subsidy = """
            ---
            id: subsidy
            title: 生活补助办法
            category: regulation
            ---
            ### 第三条

            有下列情形之一的职工家庭，可以领取生活补助：
            1. 家庭人均收入低于当地最低生活保障标准的；
            2. 家庭成员患重大疾病的。

            ### 第八条

            期满后仍符合补助条件的，经复核可以继续领取。
            """;
        await using var fixture = await KnowledgeFixture.CreateAsync(new Dictionary<string, string>(KnowledgeFixture.DefaultCorpus) { ["subsidy.md"] = subsidy });
        await fixture.Services.InitializeKnowledgeAsync();

        var result = fixture.Services.GetRequiredService<IKnowledgeSearch>().Search("生活补助有啥条件");

        Assert.Contains("第三条", result.Hits[0].Chunk.Headings);
    }

    [Fact]
    public async Task A_question_for_conditions_finds_the_criteria_before_the_grounds_for_refusal()
    {
        const string aid = """
            ---
            id: aid
            title: 困难救助办法
            category: regulation
            ---
            ### 第五条

            有下列情形之一的职工家庭，可以认定为困难家庭：
            1. 家庭人均收入低于当地最低生活保障标准的；
            2. 家庭成员患重大疾病的。

            ### 第九条

            有下列情形之一的，不予救助：
            1. 因赌博致困的；
            2. 提供虚假材料的。
            """;
        await using var fixture = await KnowledgeFixture.CreateAsync(new Dictionary<string, string>(KnowledgeFixture.DefaultCorpus) { ["aid.md"] = aid });
        await fixture.Services.InitializeKnowledgeAsync();
        var search = fixture.Services.GetRequiredService<IKnowledgeSearch>();

        Assert.Contains("第五条", search.Search("困难救助有啥条件").Hits[0].Chunk.Headings);
        Assert.Contains("第九条", search.Search("什么情形不予救助").Hits[0].Chunk.Headings);
    }

    [Fact]
    public async Task A_clause_that_repeats_the_asked_kind_word_without_stating_it_ranks_below_the_criteria()
    {
        // The shipped corpus, where the greeting suggests this question: the criteria (第五条) never say 条件, while
        // the review clause (第十七条) says "不再符合困难条件的" and the aid clause (第七条) "仍符合困难条件的".
        var shipped = Directory.GetFiles(Path.Combine(RepoPaths.Knowledge, "docs"), "*.md")
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        await using var fixture = await KnowledgeFixture.CreateAsync(shipped, clauseModel: true);
        await fixture.Services.InitializeKnowledgeAsync();
        var search = fixture.Services.GetRequiredService<IKnowledgeSearch>();

        Assert.Contains("第五条", search.Search("困难帮扶有啥条件").Hits[0].Chunk.Headings);
        // A yes/no question is answered by the clause that states the rule, kind word and all.
        Assert.Contains("第七条", search.Search("帮扶期满了还符合困难条件的能不能接着帮扶").Hits[0].Chunk.Headings);
    }

    [Theory]
    [InlineData("明天济南天气怎么样")]
    [InlineData("公司股票怎么买？")]
    [InlineData("住房公积金怎么提取？")]
    [InlineData("你好")]
    [InlineData("")]
    public void Off_topic_questions_are_not_covered(string question)
    {
        Assert.False(Search.Search(question).Covered);
    }

    [Fact]
    public void Title_words_lead_to_the_document()
    {
        var result = Search.Search("外出职工探亲休假规定");

        Assert.Equal("home-leave", result.Hits[0].Chunk.DocId);
    }

    [Fact]
    public void Chunks_of_one_clause_take_one_place_in_the_results()
    {
        var hits = Search.Search("困难职工家庭救助", top: 3).Hits;

        Assert.Equal(hits.Count, hits.Select(h => h.Chunk.ClauseKey).Distinct().Count());
    }
}
