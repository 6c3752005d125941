using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HuaXin.Bot.Knowledge.Answering;
using HuaXin.Bot.Tests.Knowledge;
using HuaXin.Bot.Tests.StaffConsole;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Fuzz;

/// <summary>Findings 4 and 8 on the knowledge upload endpoint (/console/knowledge?handler=Upload) as an admin posts to
/// it: a Word file that unpacks to a hundred megabytes of XML, a file whose front matter names its id twice, and a
/// document that is one endless paragraph. The first two are refused with their reason and leave the folder as it was;
/// the next upload still works, and /api/ask stays bounded whatever the documents hold.</summary>
public sealed partial class KnowledgeUploadFuzzTests : IAsyncLifetime
{
    private readonly TempDirectory _docs = new();
    private readonly ConsoleAppFactory _app = new();
    private HttpClient _admin = null!;

    private const string Good = "---\nid: good\ntitle: 职工探亲假办法\n---\n# 职工探亲假办法\n\n## 第三条\n\n外出职工每年可以享受探亲假二十天，往返路费由单位报销。\n";

    public async Task InitializeAsync()
    {
        // Before the host starts: the service indexes this folder only, and uploads land here.
        _app.Live.Set("Knowledge:DocsPath", _docs.Path);
        _admin = await _app.SignedInAsync("admin");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        _docs.Dispose();
        return Task.CompletedTask;
    }

    private async Task<(HttpStatusCode Status, string Page)> UploadAsync(byte[] file, string fileName)
    {
        var html = await _admin.GetStringAsync("/console/knowledge");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", fileName },
        };
        using var response = await _admin.PostAsync("/console/knowledge?handler=Upload", form);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private string[] Files() => [.. Directory.GetFiles(_docs.Path).Select(Path.GetFileName).Order()!];

    [Fact]
    public async Task A_docx_holding_a_hundred_megabytes_of_xml_is_refused_unindexed_and_the_next_upload_works()
    {
        var bomb = WithPaddedBody(Docx.Build((null, "第一条 职工家属可以申请帮扶。")), 100 * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, "a small upload that unpacks to much more");

        var (status, page) = await UploadAsync(bomb, "bomb.docx");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("bomb.docx 无法使用", page);
        Assert.Contains("解压后超过", page);
        Assert.Empty(Files());
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(Encoding.UTF8.GetBytes(Good), "good.md")).Status);
        Assert.Equal(["good.md"], Files());
    }

    [Fact]
    public async Task A_file_naming_its_id_twice_is_refused_with_the_reason_and_neither_it_nor_one_left_in_the_folder_stops_later_uploads()
    {
        var twoIds = Encoding.UTF8.GetBytes("---\nid: one\nID: two\ntitle: 两个编号\n---\n第一条 正文。");

        var (status, page) = await UploadAsync(twoIds, "two-ids.md");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("two-ids.md 无法使用", page);
        Assert.Contains("大小写", page);
        Assert.Empty(Files());

        // The same file copied into the folder by hand: uploads after it still index, and answers come from the good file.
        await File.WriteAllBytesAsync(_docs.File("copied-by-hand.md"), twoIds);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(Encoding.UTF8.GetBytes(Good), "good.md")).Status);
        using var answer = await _app.CreateClient().PostAsJsonAsync("/api/ask", new { question = "探亲假有多少天", asker = "worker" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("good", body.RootElement.GetProperty("citations")[0].GetProperty("docId").GetString());
    }

    [Fact]
    public async Task A_document_of_one_endless_clause_is_indexed_and_answers_stay_short()
    {
        // One clause of 200,000 characters, as a docx made from a pasted web page arrives.
        var endless = "第一条 " + string.Concat(Enumerable.Repeat("外出职工的家属生病住院的，可以向集团工会申请医疗帮扶。", 8000));
        var docx = Docx.Build((null, "医疗帮扶办法"), (null, endless));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(docx, "endless.docx")).Status);
        using var answer = await _app.CreateClient().PostAsJsonAsync("/api/ask", new { question = "家属生病住院可以申请医疗帮扶吗", asker = "family" });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = await answer.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(json);
        Assert.True(body.RootElement.GetProperty("answered").GetBoolean());
        // Three cited clauses, each bounded, and the answer around them: nowhere near the document's size.
        Assert.True(json.Length < 4 * AnswerComposer.MaxClauseChars * 3, $"{json.Length} characters");
    }

    /// <summary>The docx with <paramref name="padding"/> bytes of whitespace inside its body: valid XML that deflates to
    /// almost nothing.</summary>
    private static byte[] WithPaddedBody(byte[] docx, int padding)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }
            entry.Delete();
            var at = xml.IndexOf("<w:body>", StringComparison.Ordinal) + "<w:body>".Length;
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(xml[..at]);
            var block = new string(' ', 1024 * 1024);
            for (var written = 0; written < padding; written += block.Length)
            {
                writer.Write(block);
            }
            writer.Write(xml[at..]);
        }
        return stream.ToArray();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
