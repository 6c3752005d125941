using HuaXin.Bot.Data;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Knowledge.Ingestion;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Knowledge;

public class IngestionTests
{
    [Fact]
    public async Task Changing_one_file_reindexes_that_file_only()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        var first = await fixture.Services.InitializeKnowledgeAsync();
        Assert.Equal(["education", "hardship", "home-leave"], first.Added.Order());
        var before = await SnapshotAsync(fixture);

        fixture.Time.Advance(TimeSpan.FromHours(1));
        await File.WriteAllTextAsync(Path.Combine(fixture.Docs, "home-leave.md"), KnowledgeFixture.HomeLeave.Replace("二十天", "二十五天"));
        var second = await fixture.Services.InitializeKnowledgeAsync();

        Assert.Equal(["home-leave"], second.Updated);
        Assert.Empty(second.Added);
        Assert.Equal(2, second.Unchanged);
        var after = await SnapshotAsync(fixture);
        foreach (var id in new[] { "hardship", "education" })
        {
            Assert.Equal(before[id], after[id]);
        }
        Assert.Equal(fixture.Time.GetUtcNow(), after["home-leave"].IndexedAt);
        Assert.Contains("二十五天", fixture.Services.GetRequiredService<IKnowledgeSearch>().Search("探亲假有几天").Hits[0].Chunk.Text);
    }

    [Fact]
    public async Task An_unchanged_folder_is_not_rewritten_and_a_deleted_file_is_removed()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();
        var before = await SnapshotAsync(fixture);

        var unchanged = await fixture.Services.InitializeKnowledgeAsync();
        Assert.False(unchanged.Changed);
        Assert.Equal(before, await SnapshotAsync(fixture));

        File.Delete(Path.Combine(fixture.Docs, "sub", "education.md"));
        var removed = await fixture.Services.InitializeKnowledgeAsync();

        Assert.Equal(["education"], removed.Removed);
        Assert.DoesNotContain("education", (await SnapshotAsync(fixture)).Keys);
        Assert.DoesNotContain(fixture.Services.GetRequiredService<KnowledgeIndexStore>().Current.Bm25.Chunks, c => c.DocId == "education");
    }

    [Fact]
    public async Task Another_instance_sharing_the_database_converges_on_refresh()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();
        var other = new KnowledgeIndexStore(
            fixture.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<KnowledgeIndexStore>.Instance);

        Assert.True(await other.RefreshAsync());
        Assert.Equal(fixture.Services.GetRequiredService<KnowledgeIndexStore>().Current.Fingerprint, other.Current.Fingerprint);
        Assert.False(await other.RefreshAsync());
    }

    [Theory]
    [InlineData("broken-yaml.md", "---\nid: [unclosed\ntitle: 坏\n---\n正文", "YAML")]
    [InlineData("unclosed.md", "---\nid: x\ntitle: 没结束\n正文", "没有结束")]
    [InlineData("keys-in-two-cases.md", "---\nid: one\nID: two\ntitle: 两个编号\n---\n正文", "大小写")]
    [InlineData("list-front-matter.md", "---\n- id\n- title\n---\n正文", "字段")]
    [InlineData("no-body.md", "---\nid: no-body\ntitle: 没有正文\n---\n# 没有正文\n", "正文")]
    [InlineData("empty.txt", "", "为空")]
    [InlineData("broken.docx", "not a zip file", ".docx")]
    [InlineData("duplicate.md", "---\nid: hardship\ntitle: 重复\n---\n正文", "重复")]
    public async Task A_bad_file_is_reported_with_its_name_and_reason_and_the_rest_loads(string name, string content, string reason)
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        // "~" sorts after the good files, so the duplicate is the one that loses the id.
        await File.WriteAllTextAsync(Path.Combine(fixture.Docs, "~" + name), content);

        var report = await fixture.Services.InitializeKnowledgeAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal("~" + name, problem.File);
        Assert.Contains(reason, problem.Reason);
        Assert.Equal(["education", "hardship", "home-leave"], (await SnapshotAsync(fixture)).Keys.Order());
    }

    [Fact]
    public async Task Bad_files_are_logged_as_warnings_with_file_and_reason()
    {
        var logs = new ListLoggerProvider();
        await using var fixture = await KnowledgeFixture.CreateAsync(
            new Dictionary<string, string> { ["ok.md"] = KnowledgeFixture.Hardship, ["bad.md"] = "---\nid: x\nID: y\n---\n正文" }, logs);

        await fixture.Services.InitializeKnowledgeAsync();

        var warning = Assert.Single(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Category.Contains("Knowledge", StringComparison.Ordinal));
        Assert.Contains("bad.md", warning.Message);
        Assert.Contains("id", warning.Message);
    }

    /// <summary>Per document: when it was indexed, its hash and its chunk row ids (rewritten rows get new ids).</summary>
    private static async Task<Dictionary<string, (DateTimeOffset IndexedAt, string Hash, string ChunkIds)>> SnapshotAsync(KnowledgeFixture fixture)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        var docs = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Chunks).ToListAsync();
        return docs.ToDictionary(d => d.Id, d => (d.IndexedAt, d.ContentHash, string.Join(",", d.Chunks.Select(c => c.Id).Order())), StringComparer.Ordinal);
    }
}
