using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using HuaXin.Bot.Knowledge.Evaluation;
using HuaXin.Bot.Knowledge.Parsing;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Benchmarks;

/// <summary>The shipped corpus and questions, and a deterministic synthetic corpus of clause-like Chinese text.</summary>
public static class Corpus
{
    /// <summary>The repository root, found from this source file: benchmarks run from generated folders elsewhere.</summary>
    public static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", ".."));

    public static string DocsPath => Path.Combine(RepositoryRoot(), "knowledge", "docs");

    public static string QuestionsPath => Path.Combine(RepositoryRoot(), "knowledge", "eval", "questions.jsonl");

    public static Lexicon Lexicon => Lexicon.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "knowledge", "lexicon.yaml")));

    public static List<IndexedChunk> Load(string docsPath)
    {
        var chunks = new List<IndexedChunk>();
        foreach (var path in Directory.EnumerateFiles(docsPath, "*", SearchOption.AllDirectories).Where(DocumentParser.IsSupported).Order(StringComparer.Ordinal))
        {
            var doc = DocumentParser.Parse(path, File.ReadAllBytes(path));
            chunks.AddRange(doc.Chunks.Select((c, i) => new IndexedChunk(doc.Id, doc.Title, c.Headings, c.Text, i)));
        }
        return chunks;
    }

    public static List<EvalQuestion> Questions(string path) => EvalQuestion.ReadJsonl(path).Questions;

    private static readonly string[] Subjects = ["在职职工", "外出职工家庭", "劳务派遣人员", "离退休人员", "困难职工家庭", "职工子女", "职工配偶", "项目部职工", "新入职员工", "留守老人"];
    private static readonly string[] Conditions = ["因重大疾病住院治疗", "在外地项目连续工作满六个月", "子女考入全日制普通高校", "遭受火灾洪涝等自然灾害", "家庭月人均收入低于当地最低生活保障标准", "春节期间不能回家团聚", "需要上门维修水电燃气", "申请法律援助或心理咨询", "参加医疗互助满一年", "发生交通事故造成人员伤亡"];
    private static readonly string[] Actors = ["集团工会", "车间工会", "党委工作部", "后勤管理中心", "离退休服务站", "团委", "人力资源部", "项目负责人", "结对联系人", "财务部门"];
    private static readonly string[] Actions = ["应当在三个工作日内入户核实", "按规定给予一次性补助", "每月发放生活补助", "协助办理报销手续", "安排专人上门服务", "组织志愿者结对帮扶", "提供往返路费报销", "发放慰问金和生活物资", "建立服务档案并定期回访", "在七个工作日内办结并告知结果"];
    private static readonly string[] Tails = ["具体标准由集团工会另行制定。", "所需材料包括申请表、身份证明和相关票据。", "逾期未申请的视为自动放弃。", "对弄虚作假的追回已发放款项。", "办理结果在公示栏公示五个工作日。", "特殊情况可以由家属代为申请。"];

    /// <summary><paramref name="count"/> synthetic chunks over 1,000 documents; same seed, same corpus.</summary>
    public static List<IndexedChunk> Synthetic(int count, int seed = 20260101)
    {
        var random = new Random(seed);
        var chunks = new List<IndexedChunk>(count);
        for (var i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            for (var s = 0; s < 2 + random.Next(3); s++)
            {
                text.Append(Pick(random, Subjects)).Append(Pick(random, Conditions)).Append("的，")
                    .Append(Pick(random, Actors)).Append(Pick(random, Actions)).Append("，标准为")
                    .Append(500 * (1 + random.Next(20))).Append("元。");
            }
            text.Append(Pick(random, Tails));
            var doc = i / 100;
            chunks.Add(new IndexedChunk(
                $"synthetic-{doc:D4}", $"{Pick(random, Subjects)}{Pick(random, Actors)}服务管理办法（{doc}）",
                [$"第{Numeral(1 + i % 100 / 20)}章", $"第{Numeral(1 + i % 100)}条"], text.ToString(), i % 100));
        }
        return chunks;
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => "一百",
        };
    }
}
