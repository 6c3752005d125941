using System.Text;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Reports.KnowledgeUpkeep;
using HuaXin.Bot.Tests.Knowledge;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>Knowledge upkeep through the console's services: uploads answer at once, bad uploads change nothing,
/// removal takes a document out of service, and curated questions win over search.</summary>
public sealed class KnowledgeUpkeepTests : IAsyncLifetime
{
    private const string Question = "一次性救助的标准是多少";

    private ReportsHost _host = null!;

    public async Task InitializeAsync() => _host = await ReportsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_uploaded_document_is_answerable_as_soon_as_the_upload_returns()
    {
        var knowledge = _host.Get<IKnowledgeService>();
        Assert.False((await knowledge.AskAsync(Question, "worker", default)).Answered);

        var change = await Upload("hardship.md", KnowledgeFixture.Hardship);

        Assert.True(change.Ok, change.Message);
        var answer = await knowledge.AskAsync(Question, "worker", default);
        Assert.True(answer.Answered);
        Assert.Equal(["第二章 救助对象和标准", "第六条"], answer.Citations[0].Headings);
        Assert.Equal([("hardship.md", "hardship", "困难职工帮扶救助管理办法")], (await Manager.ListAsync()).Select(f => (f.Path, f.DocId, f.Title)));
    }

    [Fact]
    public async Task A_replacement_the_engine_cannot_use_keeps_the_previous_version_in_service()
    {
        await Upload("hardship.md", KnowledgeFixture.Hardship);

        var change = await Upload("hardship.md", "---\nid: hardship\nID: other\ntitle: 两个编号\n---\n# 正文\n\n内容");

        Assert.False(change.Ok);
        Assert.Contains("大小写", change.Message);
        Assert.Equal(KnowledgeFixture.Hardship, await File.ReadAllTextAsync(Path.Combine(_host.Docs, "hardship.md")));
        Assert.True((await _host.Get<IKnowledgeService>().AskAsync(Question, "worker", default)).Answered);
    }

    [Fact]
    public async Task Only_documents_of_the_supported_types_inside_the_folder_are_accepted_or_removed()
    {
        Assert.False((await Upload("notes.pdf", "x")).Ok);
        await File.WriteAllTextAsync(_host.TempFile("outside.txt"), "x");
        Assert.False((await Manager.RemoveAsync("../outside.txt")).Ok);
        Assert.True(File.Exists(_host.TempFile("outside.txt")));
    }

    [Fact]
    public async Task A_removed_document_no_longer_answers()
    {
        await Upload("hardship.md", KnowledgeFixture.Hardship);

        var change = await Manager.RemoveAsync("hardship.md");

        Assert.True(change.Ok);
        Assert.False((await _host.Get<IKnowledgeService>().AskAsync(Question, "worker", default)).Answered);
    }

    [Fact]
    public async Task A_curated_question_is_answered_from_its_clause_before_search()
    {
        await Upload("hardship.md", KnowledgeFixture.Hardship);
        var curated = _host.Get<CuratedAnswerStore>();
        // Search alone would not answer this colloquial question with 第七条.
        Assert.Null(await curated.SaveAsync("每个月能给多少钱？", "hardship", "第七条", "admin"));

        var answer = await _host.Get<IKnowledgeService>().AskAsync("每个月能给多少钱", "family", default);

        Assert.True(answer.Answered);
        Assert.Equal("第七条", answer.Citations.Single().Headings[^1]);
        Assert.StartsWith("对困难职工家庭实行定期帮扶", answer.Answer);
        Assert.EndsWith("——《困难职工帮扶救助管理办法》第七条", answer.Answer);
        // A pin to a clause that does not exist is refused rather than stored.
        Assert.NotNull(await curated.SaveAsync("别的问题", "hardship", "第九十九条", "admin"));
        Assert.Single(await curated.ListAsync());
    }

    private KnowledgeDocumentManager Manager => _host.Get<KnowledgeDocumentManager>();

    private Task<KnowledgeChange> Upload(string name, string text) =>
        Manager.SaveAsync(name, new MemoryStream(Encoding.UTF8.GetBytes(text)));
}
