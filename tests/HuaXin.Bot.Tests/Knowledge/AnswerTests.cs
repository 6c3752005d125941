using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.Knowledge;

public class AnswerTests
{
    [Fact]
    public async Task An_answer_quotes_the_clause_and_names_document_and_clause()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();

        var answer = await fixture.Services.GetRequiredService<IKnowledgeService>().AskAsync("一次性救助的金额怎么分档", "worker", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.StartsWith("根据《困难职工帮扶救助管理办法》第二章 救助对象和标准 第六条：\n一次性救助按困难程度分档发放", answer.Answer);
        var first = answer.Citations[0];
        Assert.Equal("hardship", first.DocId);
        Assert.Equal("《困难职工帮扶救助管理办法》第二章 救助对象和标准 第六条", first.Source);
        Assert.InRange(answer.Citations.Count, 1, 3);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Source).Distinct().Count());
    }

    [Fact]
    public async Task Related_clauses_are_suggested_by_source_after_the_answer()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();

        var answer = await fixture.Services.GetRequiredService<IKnowledgeService>().AskAsync("困难职工家庭子女上学有助学金吗", "family", CancellationToken.None);

        Assert.True(answer.Answered);
        foreach (var related in answer.Citations.Skip(1))
        {
            Assert.Contains(related.Source, answer.Answer);
        }
    }

    [Fact]
    public async Task Not_covered_says_so_offers_a_person_and_records_the_question_without_logging_it()
    {
        var logs = new ListLoggerProvider();
        await using var fixture = await KnowledgeFixture.CreateAsync(logs: logs);
        await fixture.Services.InitializeKnowledgeAsync();
        const string question = "公司股票怎么买？";

        var answer = await fixture.Services.GetRequiredService<IKnowledgeService>().AskAsync(question, "worker", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Empty(answer.Citations);
        Assert.Contains("知识库里暂时没有找到", answer.Answer);
        Assert.Contains("转人工", answer.Answer);
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        var recorded = Assert.Single(await db.UnansweredQuestions.ToListAsync());
        Assert.Equal(question, recorded.Question);
        Assert.Equal("worker", recorded.Channel);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("股票", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_clause_is_trimmed_to_its_relevant_sentences_verbatim()
    {
        var clause = string.Concat(Enumerable.Range(1, 12).Select(i => $"第{i}项规定与本问题无关的内容，此处只是填充文字。")) + "探亲路费凭车票报销，须在返回后一个月内办理。";
        var units = new HuaXin.Bot.Knowledge.Search.QueryAnalyzer(HuaXin.Bot.Knowledge.Search.Lexicon.Empty)
            .Analyze("路费报销", new HuaXin.Bot.Knowledge.Search.Bm25Index([]));

        var excerpt = HuaXin.Bot.Knowledge.Answering.AnswerComposer.Excerpt(clause, units);

        Assert.True(excerpt.Length < clause.Length);
        Assert.StartsWith("第1项规定与本问题无关的内容，此处只是填充文字。", excerpt);
        Assert.Contains("……\n探亲路费凭车票报销，须在返回后一个月内办理。", excerpt);
        Assert.All(excerpt.Split(["……", "\n"], StringSplitOptions.RemoveEmptyEntries), part => Assert.Contains(part, clause));
    }
}
