using System.IO.Compression;
using System.Text;
using CsCheck;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Knowledge.Evaluation;
using HuaXin.Bot.Knowledge.Parsing;
using HuaXin.Bot.Reports.Roster;
using HuaXin.Bot.Tests.DingTalk;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.Fuzz;

/// <summary>The parsers behind the endpoints and the admin tools: any input either parses or fails with the parser's
/// own format exception (which callers turn into a 400 or a listed problem), never anything else.</summary>
public sealed class ParserFuzzTests
{
    [Fact]
    public void DingTalk_robot_messages_and_Stream_frame_data() =>
        NearValidJson.From(RobotMessages.OfficialSample).Sample(body =>
        {
            try
            {
                var message = RobotMessageParser.Parse(Encoding.UTF8.GetBytes(body));
                RobotMessageParser.ExtractText(message);
            }
            catch (RobotMessageFormatException)
            {
            }
        }, iter: NearValidJson.Cases, threads: 1);

    [Fact]
    public void Markdown_and_text_knowledge_documents() =>
        Gen.Int.Select(seed => NearValidText(new Random(seed))).Sample(text =>
        {
            foreach (var (name, bytes) in new[] { ("a.md", Encoding.UTF8.GetBytes(text)), ("a.txt", Encoding.UTF8.GetBytes(text)) })
            {
                try
                {
                    DocumentParser.Parse(name, bytes);
                }
                catch (DocumentFormatException)
                {
                }
            }
        }, iter: NearValidJson.Cases, threads: 1);

    [Fact]
    public void Docx_knowledge_documents_and_xlsx_rosters_from_corrupt_zips() =>
        Gen.Int.Select(seed => CorruptZip(new Random(seed))).Sample(bytes =>
        {
            try
            {
                DocumentParser.Parse("a.docx", bytes);
            }
            catch (DocumentFormatException)
            {
            }
            try
            {
                RosterTable.Read(new MemoryStream(bytes), "roster.xlsx");
            }
            catch (RosterFormatException)
            {
            }
        }, iter: NearValidJson.Cases / 5, threads: 1);

    [Fact]
    public void Csv_rosters() =>
        Gen.Int.Select(seed => NearValidCsv(new Random(seed))).Sample(csv =>
        {
            try
            {
                RosterTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "roster.csv");
            }
            catch (RosterFormatException)
            {
            }
        }, iter: NearValidJson.Cases, threads: 1);

    [Fact]
    public void Eval_question_files_report_problems_instead_of_throwing()
    {
        using var directory = new TempDirectory();
        var path = directory.File("questions.jsonl");
        NearValidJson.From("""{"id":"q1","q":"帮扶怎么申请","expect":["doc-1"],"kind":"direct"}""").Sample(line =>
        {
            // Lone surrogates become U+FFFD, as any editor saving the file would write them.
            File.WriteAllBytes(path, Encoding.UTF8.GetBytes(line + "\n" + line));
            EvalQuestion.ReadJsonl(path);
        }, iter: NearValidJson.Cases / 5, threads: 1);
    }

    private static string NearValidText(Random random)
    {
        var sample = "---\ntitle: 困难职工帮扶救助管理办法\naudience: [worker, family]\n---\n# 第一章 总则\n## 第一条\n为做好帮扶工作，制定本办法。\n| 项目 | 标准 |\n|---|---|\n| 救助 | 500元 |\n";
        return NearValidJson.Mutate(random, sample);
    }

    private static string NearValidCsv(Random random) =>
        NearValidJson.Mutate(random, "工号,姓名,部门,手机号,家属姓名,关系\nHX1001,张三,一公司,13800138000,李四,配偶\n\"HX1002\",\"王,五\",二公司,,,\n");

    /// <summary>A small real zip (an OOXML-looking package) with random bytes overwritten or cut off.</summary>
    private static byte[] CorruptZip(Random random)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><root><p>第一条 内容</p></root>");
            }
        }
        var bytes = buffer.ToArray();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }
        return random.Next(4) == 0 ? bytes[..random.Next(bytes.Length)] : bytes;
    }
}
