using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HuaXin.Bot.Tests.Knowledge;

public class AnswerTests
{
    [Fact]
    public async Task An_answer_leads_with_the_answering_sentence_then_names_document_and_clause()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();

        var answer = await fixture.Services.GetRequiredService<IKnowledgeService>().AskAsync("一次性救助的金额怎么分档", "worker", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.StartsWith("一次性救助按困难程度分档发放", answer.Answer);
        Assert.EndsWith("——《困难职工帮扶救助管理办法》第六条", answer.Answer);
        Assert.Equal(answer.Lead, answer.Answer.Split("\n\n——")[0]);
        var first = answer.Citations[0];
        Assert.Equal("hardship", first.DocId);
        Assert.Equal("《困难职工帮扶救助管理办法》第二章 救助对象和标准 第六条", first.Source);
        Assert.InRange(answer.Citations.Count, 1, 3);
        Assert.Equal(answer.Citations.Count, answer.Citations.Select(c => c.Source).Distinct().Count());
    }

    [Fact]
    public async Task Related_clauses_are_offered_as_suggestions_that_answer_when_tapped()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();

        var answer = await fixture.Services.GetRequiredService<IKnowledgeService>().AskAsync("困难职工家庭子女上学有助学金吗", "family", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.NotEmpty(answer.Related);
        var service = fixture.Services.GetRequiredService<IKnowledgeService>();
        foreach (var related in answer.Related)
        {
            var citation = answer.Citations.Skip(1).First(c => c.ShortSource == related);
            var tapped = await service.AskAsync(related, "family", CancellationToken.None);
            Assert.Equal((citation.DocId, citation.Clause), (tapped.Citations[0].DocId, tapped.Citations[0].Clause));
            Assert.Equal(tapped.Citations[0].Text, tapped.Lead); // the clause asked for by name is read out whole
        }
    }

    [Theory]
    [InlineData("闺女考上985了工会有奖励吗")]
    [InlineData("儿子考进双一流学校，工会还多给奖学金吗")]
    [InlineData("一次性救助的金额怎么分档")]
    public async Task Related_clauses_are_the_answers_document_or_score_near_the_answer(string question)
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();

        var answer = await fixture.Services.GetRequiredService<IKnowledgeService>().AskAsync(question, "family", CancellationToken.None);

        var lead = answer.Citations[0];
        var near = answer.Citations.Skip(1).Where(c => c.DocId == lead.DocId || c.Score >= lead.Score * 0.3).Select(c => c.ShortSource).Distinct();
        Assert.Equal(near, answer.Related);
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
        Assert.Matches("^知识库里没有关于「[^」]*股票」的规定", answer.Answer);
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        var recorded = Assert.Single(await db.UnansweredQuestions.ToListAsync());
        Assert.Equal(question, recorded.Question);
        Assert.Equal("worker", recorded.Channel);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Information && e.Message.Contains("股票", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lead_is_the_clause_sentence_that_answers_verbatim()
    {
        var clause = string.Concat(Enumerable.Range(1, 12).Select(i => $"第{i}项规定与本问题无关的内容，此处只是填充文字。")) + "探亲路费凭车票报销，须在返回后一个月内办理。";
        var units = new HuaXin.Bot.Knowledge.Search.QueryAnalyzer(HuaXin.Bot.Knowledge.Search.Lexicon.Empty)
            .Analyze("路费报销", new HuaXin.Bot.Knowledge.Search.Bm25Index([]));

        var lead = HuaXin.Bot.Knowledge.Answering.AnswerComposer.Lead(clause, units, _ => 1);

        Assert.Equal("探亲路费凭车票报销，须在返回后一个月内办理。", lead);
    }

    [Fact]
    public void Two_items_of_a_short_list_that_answer_bring_the_whole_list()
    {
        var clause = "考入大学的，一次性发放助学金：\n1. 研究生，4000元；\n2. 普通本科，3000元；\n3. 专科（含高职高专），2000元。";
        var units = new HuaXin.Bot.Knowledge.Search.QueryAnalyzer(HuaXin.Bot.Knowledge.Search.Lexicon.Empty)
            .Analyze("助学金能给多少钱", new HuaXin.Bot.Knowledge.Search.Bm25Index([]));

        var lead = HuaXin.Bot.Knowledge.Answering.AnswerComposer.Lead(clause, units, _ => 1, "助学金能给多少钱");

        Assert.Equal(clause, lead);
    }

    [Fact]
    public void An_item_of_a_list_comes_after_the_sentence_that_opens_the_list()
    {
        var clause = "下列事项可以申请法律援助：\n1. 工伤认定、劳动能力鉴定和工伤待遇争议；\n2. 追索劳动报酬；\n3. 婚姻家庭纠纷。";
        var units = new HuaXin.Bot.Knowledge.Search.QueryAnalyzer(HuaXin.Bot.Knowledge.Search.Lexicon.Empty)
            .Analyze("工伤认定", new HuaXin.Bot.Knowledge.Search.Bm25Index([]));

        var lead = HuaXin.Bot.Knowledge.Answering.AnswerComposer.Lead(clause, units, _ => 1);

        Assert.Equal("下列事项可以申请法律援助：\n1. 工伤认定、劳动能力鉴定和工伤待遇争议；", lead);
    }

    [Fact]
    public void A_sentence_that_opens_a_list_brings_its_items_whole()
    {
        var clause = "有下列情形之一的职工家庭，可以认定为困难职工家庭：\n1. 家庭月人均收入低于当地最低生活保障标准1.5倍的；\n2. 本人或家庭成员患重大疾病的；\n3. 出院记录齐全的。";
        var units = new HuaXin.Bot.Knowledge.Search.QueryAnalyzer(HuaXin.Bot.Knowledge.Search.Lexicon.Empty)
            .Analyze("困难职工家庭认定", new HuaXin.Bot.Knowledge.Search.Bm25Index([]));

        var lead = HuaXin.Bot.Knowledge.Answering.AnswerComposer.Lead(clause, units, _ => 1);

        Assert.Equal(clause, lead);
    }

    [Fact]
    public void A_second_sentence_that_names_more_of_the_question_stays_though_it_shares_fewer_words()
    {
        const string clause = "职工子女当年考入普通高中或中等职业学校的，一次性发放助学金800元；属于困难职工家庭的，提高至1500元。";
        const string question = "困难家庭的孩子考入普通高中或中等职业学校 助学金给多少";
        var units = new HuaXin.Bot.Knowledge.Search.QueryAnalyzer(HuaXin.Bot.Knowledge.Search.Lexicon.Empty)
            .Analyze(question, new HuaXin.Bot.Knowledge.Search.Bm25Index([]));

        var lead = HuaXin.Bot.Knowledge.Answering.AnswerComposer.Lead(clause, units, _ => 1, question);

        Assert.Contains("1500元", lead);
    }

    [Theory]
    [InlineData("帮扶一年能给多少钱", "一次性救助的标准为2000元至10000元。")] // the amount, not the once-a-year sentence
    [InlineData("帮扶一年要准备啥材料", "申请一次性救助须提交申请表和身份证复印件。")]
    [InlineData("帮扶一年能申请几次", "同一家庭因同一事由一年内只能申请一次一次性救助。")]
    public void The_lead_is_the_sentence_that_gives_what_was_asked(string question, string expected)
    {
        const string clause = "同一家庭因同一事由一年内只能申请一次一次性救助。一次性救助的标准为2000元至10000元。申请一次性救助须提交申请表和身份证复印件。";
        var units = new HuaXin.Bot.Knowledge.Search.QueryAnalyzer(HuaXin.Bot.Knowledge.Search.Lexicon.Empty)
            .Analyze(question, new HuaXin.Bot.Knowledge.Search.Bm25Index([]));

        var lead = HuaXin.Bot.Knowledge.Answering.AnswerComposer.Lead(clause, units, _ => 1, question);

        Assert.Equal(expected, lead);
    }
}
