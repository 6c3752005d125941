using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HuaXin.Bot.Knowledge;
using HuaXin.Bot.Reports.KnowledgeUpkeep;
using HuaXin.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Issue 16.4: a bad knowledge file is a skipped file with its reason, at startup, on upload and on reload;
/// never a service that does not start or an upload that fails with a 500.</summary>
public sealed class BrokenFilesTests
{
    private static readonly Dictionary<string, byte[]> Broken = new()
    {
        ["two-ids.md"] = Encoding.UTF8.GetBytes("---\nid: one\nID: two\ntitle: 两个编号\n---\n第一条 正文。"),
        ["broken-yaml.md"] = Encoding.UTF8.GetBytes("---\nid: [unclosed\n---\n正文"),
        ["not-utf8.txt"] = [0xC4, 0xE3, 0xBA, 0xC3, 0xFF],
        ["not-a-zip.docx"] = Encoding.UTF8.GetBytes("PK not really"),
        ["empty.md"] = [],
    };

    [Fact]
    public async Task A_folder_with_broken_files_starts_the_service_and_it_answers_from_the_good_ones()
    {
        using var docs = new TempDirectory();
        await File.WriteAllTextAsync(docs.File("hardship.md"), KnowledgeFixture.Hardship);
        foreach (var (name, bytes) in Broken)
        {
            await File.WriteAllBytesAsync(docs.File(name), bytes);
        }
        await using var factory = new HuaXinAppFactory(settings: new Dictionary<string, string?> { ["Knowledge:DocsPath"] = docs.Path });
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/ask", new { question = "一次性救助的标准是多少", asker = "worker" });

        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("answered").GetBoolean());
        Assert.Equal("hardship", body.RootElement.GetProperty("citations")[0].GetProperty("docId").GetString());
    }

    [Fact]
    public async Task An_upload_of_a_broken_file_is_refused_with_its_reason_and_a_reload_skips_it()
    {
        await using var fixture = await KnowledgeFixture.CreateAsync();
        await fixture.Services.InitializeKnowledgeAsync();
        var manager = ActivatorUtilities.CreateInstance<KnowledgeDocumentManager>(fixture.Services);

        var upload = await manager.SaveAsync("two-ids.md", new MemoryStream(Broken["two-ids.md"]));

        Assert.False(upload.Ok);
        Assert.Contains("大小写", upload.Message);
        Assert.False(File.Exists(Path.Combine(fixture.Docs, "two-ids.md")));

        // The same file dropped into the folder while the service runs: the reload reports it and keeps the rest.
        await File.WriteAllBytesAsync(Path.Combine(fixture.Docs, "two-ids.md"), Broken["two-ids.md"]);
        var reload = await fixture.Services.InitializeKnowledgeAsync();
        Assert.Equal("two-ids.md", Assert.Single(reload.Problems).File);
        Assert.Equal(3, fixture.Services.GetRequiredService<HuaXin.Bot.Knowledge.Search.KnowledgeIndexStore>().Current.DocumentCount);
    }
}
