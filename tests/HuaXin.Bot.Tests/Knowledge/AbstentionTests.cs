using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Answering;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>With the shipped clause model: a question about a topic no document mentions is refused and the reply names
/// that topic, while a chatty question about a covered topic is still answered, even one that is mostly background. After an answer, only an unseen noun
/// starts a new subject; an unseen verb is the follow-up's own wording.</summary>
public class AbstentionTests : IAsyncLifetime
{
    private KnowledgeFixture _fixture = null!;

    private IKnowledgeService Service => _fixture.Services.GetRequiredService<IKnowledgeService>();

    public async Task InitializeAsync()
    {
        _fixture = await KnowledgeFixture.CreateAsync(clauseModel: true);
        await _fixture.Services.InitializeKnowledgeAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData("焊工证去哪考 要交多少钱", "焊工")]
    [InlineData("孩子的疫苗本丢了 上哪补办", "疫苗")]
    public async Task A_topic_no_document_mentions_is_refused_and_named(string question, string topic)
    {
        var answer = await Service.AskAsync(question, "family", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Matches($"^知识库里没有关于「[^」]*{topic}[^」]*」的规定", answer.Answer);
    }

    [Theory]
    [InlineData("人家不让进门咋办", null)] // 进门: an everyday verb names no topic
    [InlineData("门卫不让进门咋办", "门卫")]
    public async Task Only_a_noun_or_a_rare_word_is_named_as_the_missing_topic(string question, string? named)
    {
        var answer = await Service.AskAsync(question, "family", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Equal(AnswerComposer.NotCoveredAbout(named), answer.Answer);
    }

    [Fact]
    public async Task A_chatty_question_about_a_covered_topic_is_still_answered()
    {
        var answer = await Service.AskAsync("俺男人在工地上干活，一年能回家探亲几天", "family", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Equal("home-leave", answer.Citations[0].DocId);
    }

    [Fact]
    public async Task A_long_question_that_is_mostly_background_is_answered_from_the_little_it_asks()
    {
        var answer = await Service.AskAsync(ClauseModelTests.LongQuestion, "family", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Equal("hardship", answer.Citations[0].DocId);
    }

    [Fact]
    public async Task A_short_question_its_best_clause_barely_matches_is_refused()
    {
        var answer = await Service.AskAsync("火星移民 怎么报名", "family", CancellationToken.None);

        Assert.False(answer.Answered);
    }

    [Fact]
    public async Task A_topic_no_document_mentions_is_not_read_as_a_follow_up()
    {
        var topic = new KnowledgeTopic("hardship", "困难职工帮扶救助管理办法", "第六条");

        var answer = await Service.AskAsync("焊工证去哪考 要交多少钱", "worker", topic, CancellationToken.None);

        Assert.False(answer.Answered);
    }

    [Theory]
    [InlineData("住几天")]
    [InlineData("咋办")]
    public async Task A_first_question_that_names_no_subject_is_asked_for_one(string question)
    {
        var answer = await Service.AskAsync(question, "family", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Equal(AnswerComposer.NoSubject, answer.Answer);
        Assert.Empty(answer.Related);
    }

    [Fact]
    public async Task A_subject_typed_wrong_is_still_a_subject()
    {
        // 探清假: no dictionary word, so not common either; read by sound as 探亲假.
        var answer = await Service.AskAsync("探清假能休几天", "family", CancellationToken.None);

        Assert.NotEqual(AnswerComposer.NoSubject, answer.Answer);
    }

    [Theory]
    [InlineData("一次能批下来多少")] // 批下来: a verb
    [InlineData("过了12个月还能续签吗")] // 续签: a verb
    public async Task An_unseen_verb_declines_a_first_question_but_is_a_follow_ups_own_wording(string question)
    {
        var topic = new KnowledgeTopic("hardship", "困难职工帮扶救助管理办法", "第六条");

        var first = await Service.AskAsync(question, "family", CancellationToken.None);
        var followUp = await Service.AskAsync(question, "family", topic, CancellationToken.None);

        Assert.False(first.Answered);
        Assert.True(followUp.Answered);
        Assert.Equal("hardship", followUp.Citations[0].DocId);
        Assert.Equal(topic, followUp.AssumedTopic);
    }

    [Theory]
    [InlineData("那取暖费一次发多少", "取暖费")]
    [InlineData("那建造师证怎么考", "建造师")]
    [InlineData("停车费的事 找谁", "停车费")] // named before the clause that asks
    public async Task An_unseen_noun_in_a_follow_up_starts_a_new_subject_and_is_declined(string question, string noun)
    {
        var topic = new KnowledgeTopic("hardship", "困难职工帮扶救助管理办法", "第六条");

        var answer = await Service.AskAsync(question, "family", topic, CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.StartsWith($"知识库里没有关于「{noun}」的规定", answer.Answer);
    }

    [Theory]
    [InlineData("俺家", false)] // a pronoun
    [InlineData("咋办", false)] // a question word
    [InlineData("公积金", true)]
    [InlineData("建造师", true)]
    public void Only_words_that_can_name_a_topic_count(string word, bool topical)
    {
        Assert.Equal(topical, ChineseWords.IsTopical(word));
    }
}
