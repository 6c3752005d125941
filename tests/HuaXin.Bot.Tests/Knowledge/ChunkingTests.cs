using System.Text;
using HuaXin.Bot.Knowledge.Parsing;

namespace HuaXin.Bot.Tests.Knowledge;

public class ChunkingTests
{
    [Fact]
    public void Markdown_chunks_follow_clauses_and_keep_the_heading_path_without_the_title()
    {
        var doc = DocumentParser.Parse("hardship.md", Encoding.UTF8.GetBytes(KnowledgeFixture.Hardship));

        Assert.Equal("hardship", doc.Id);
        Assert.Equal("困难职工帮扶救助管理办法", doc.Title);
        Assert.Equal("regulation", doc.Category);
        Assert.Equal("2025-01-01", doc.Effective);
        Assert.Equal("集团工会", doc.Owner);
        Assert.Equal(
            [["第一章 总则", "第一条"], ["第二章 救助对象和标准", "第五条"], ["第二章 救助对象和标准", "第六条"], ["第二章 救助对象和标准", "第七条"]],
            doc.Chunks.Select(c => c.Headings.ToArray()).ToArray());
        Assert.StartsWith("一次性救助按困难程度分档发放", doc.Chunks[2].Text);
    }

    [Fact]
    public void A_long_clause_is_split_into_chunks_that_all_keep_its_path_and_never_take_the_next_clause()
    {
        var sentence = "职工家庭因重大疾病导致生活困难的，由车间工会入户核实后报集团工会审批。";
        var content = $"""
            ---
            id: long
            title: 长条款
            ---
            ## 第三章 申请和审批
            ### 第十条
            {string.Concat(Enumerable.Repeat(sentence, 30))}
            ### 第十一条
            短条款。
            """;

        var doc = DocumentParser.Parse("long.md", Encoding.UTF8.GetBytes(content));

        var tenth = doc.Chunks.Where(c => c.Headings.SequenceEqual(["第三章 申请和审批", "第十条"])).ToList();
        Assert.True(tenth.Count > 1);
        Assert.All(tenth, c => Assert.True(c.Text.Length <= 400));
        Assert.All(tenth, c => Assert.DoesNotContain("短条款", c.Text));
        Assert.Equal(string.Concat(Enumerable.Repeat(sentence, 30)), string.Concat(tenth.Select(c => c.Text)));
        Assert.Equal(["第三章 申请和审批", "第十一条"], doc.Chunks[^1].Headings);
    }

    [Fact]
    public void Text_files_take_the_title_from_the_first_line_the_id_from_the_name_and_clauses_from_numbering()
    {
        var content = """
            职工疗休养管理办法
            第一章 总则
            第一条 为关心职工身心健康，制定本办法。
            第二章 疗休养安排
            第二条 每年组织一线职工疗休养一次。
            一、报名方式
            由车间工会统一报名。
            """;

        var doc = DocumentParser.Parse("dir/rest-leave.txt", Encoding.UTF8.GetBytes(content));

        Assert.Equal("rest-leave", doc.Id);
        Assert.Equal("职工疗休养管理办法", doc.Title);
        Assert.Equal([["第一章 总则", "第一条"], ["第二章 疗休养安排", "第二条"], ["一、报名方式"]], doc.Chunks.Select(c => c.Headings.ToArray()).ToArray());
        Assert.Equal("为关心职工身心健康，制定本办法。", doc.Chunks[0].Text);
    }

    [Fact]
    public void Enumerated_items_inside_a_clause_are_text_not_headings()
    {
        var content = """
            救助办法
            第五条 有下列情形之一的，可以申请救助：
            一、家庭月人均收入低于当地最低生活保障标准的；
            二、患重大疾病的。
            """;

        var doc = DocumentParser.Parse("aid.txt", Encoding.UTF8.GetBytes(content));

        var chunk = Assert.Single(doc.Chunks);
        Assert.Equal(["第五条"], chunk.Headings);
        Assert.Contains("二、患重大疾病的。", chunk.Text);
    }

    [Fact]
    public void A_reference_to_a_clause_does_not_start_one()
    {
        var content = """
            ---
            id: ref
            title: 引用
            ---
            ### 第九条
            第五条所列情形消失的，停止救助。
            """;

        var doc = DocumentParser.Parse("ref.md", Encoding.UTF8.GetBytes(content));

        var chunk = Assert.Single(doc.Chunks);
        Assert.Equal(["第九条"], chunk.Headings);
        Assert.Equal("第五条所列情形消失的，停止救助。", chunk.Text);
    }

    [Fact]
    public void Docx_headings_come_from_heading_styles_and_clauses_from_paragraphs_starting_with_a_clause_number()
    {
        var bytes = Docx.Build(
            ("Title", "后勤保障服务规定"),
            ("Heading1", "第一章 总则"),
            (null, "第一条 为做好外出职工后勤保障，制定本规定。"),
            ("a1", "第二章 维修服务"),
            ("Heading2", "第五条"),
            (null, "职工家属报修后，后勤管理中心24小时内联系。"),
            (null, "第六条 上门维修不收人工费。"));

        var doc = DocumentParser.Parse("logistics.docx", bytes);

        Assert.Equal("logistics", doc.Id);
        Assert.Equal("后勤保障服务规定", doc.Title);
        Assert.Equal(
            [["第一章 总则", "第一条"], ["第二章 维修服务", "第五条"], ["第二章 维修服务", "第六条"]],
            doc.Chunks.Select(c => c.Headings.ToArray()).ToArray());
        Assert.Equal("上门维修不收人工费。", doc.Chunks[2].Text);
    }

    [Theory]
    [InlineData("---\nid: labor\ntitle: 劳动合同法\ncategory: law\n---\n正文。", "labor", "劳动合同法", "law")]
    [InlineData("---\nid: rules\ntitle: 女职工劳动保护特别规定\ncategory: 行政法规\n---\n正文。", "rules", "女职工劳动保护特别规定", "行政法规")]
    [InlineData("---\nID: same\nid: same\nTitle: 大小写\n---\n正文。", "same", "大小写", "regulation")]
    [InlineData("---\nid: tags\ntitle: 多余字段\ntags: [a, b]\n发布机关: 国务院\n---\n正文。", "tags", "多余字段", "regulation")]
    [InlineData("# 人民调解法\n\n正文。", "file-name", "人民调解法", "regulation")]
    [InlineData("正文。", "file-name", "file-name", "regulation")]
    public void Any_category_any_key_case_and_no_front_matter_are_read(string content, string id, string title, string category)
    {
        var doc = DocumentParser.Parse("dir/file-name.md", Encoding.UTF8.GetBytes(content));

        Assert.Equal((id, title, category), (doc.Id, doc.Title, doc.Category));
        Assert.Equal("正文。", Assert.Single(doc.Chunks).Text);
    }

    [Fact]
    public void Inline_articles_chapters_and_sections_without_markup_are_clauses()
    {
        var content = """
            # 某某条例

            第一章　总则

            第一条　为了保障劳动者权益，制定本条例。

            第二条 本条例适用于：
            （一）企业；
            （二）个体经济组织。

            第二章　待遇
            第一节　工资
            第三条　工资应当按月支付。
            """;

        var doc = DocumentParser.Parse("regs.md", Encoding.UTF8.GetBytes(content));

        Assert.Equal(
            [["第一章　总则", "第一条"], ["第一章　总则", "第二条"], ["第二章　待遇", "第一节　工资", "第三条"]],
            doc.Chunks.Select(c => c.Headings.ToArray()).ToArray());
        Assert.Equal("本条例适用于：\n（一）企业；\n（二）个体经济组织。", doc.Chunks[1].Text);
    }

    [Fact]
    public void Numbered_items_under_a_heading_that_is_no_clause_are_clauses_of_their_own()
    {
        var content = """
            服务承诺
            一、服务时限
            我们承诺：
            （一）响应时限。工作时间内30分钟内响应。
            （二）办结时限。一般诉求5个工作日内办结。
            二、监督
            1. 投诉电话公开。
            2. 每季度通报。
            """;

        var doc = DocumentParser.Parse("promise.txt", Encoding.UTF8.GetBytes(content));

        Assert.Equal(
            [["一、服务时限"], ["一、服务时限", "（一）"], ["一、服务时限", "（二）"], ["二、监督", "1."], ["二、监督", "2."]],
            doc.Chunks.Select(c => c.Headings.ToArray()).ToArray());
        Assert.Equal("（二）办结时限。一般诉求5个工作日内办结。", doc.Chunks[2].Text);
    }

    [Fact]
    public void Docx_without_heading_styles_takes_structure_from_numbering_and_the_title_from_the_text_not_a_file_name_property()
    {
        var bytes = Docx.Build(
            (null, "反家庭暴力法"),
            (null, "第一章 总则"),
            (null, "第一条 为了预防和制止家庭暴力，制定本法。"),
            (null, "第二条 本法所称家庭暴力，是指家庭成员之间的侵害行为。"));

        var doc = DocumentParser.Parse("anti-violence.docx", bytes);

        Assert.Equal(("anti-violence", "反家庭暴力法"), (doc.Id, doc.Title));
        Assert.Equal([["第一章 总则", "第一条"], ["第一章 总则", "第二条"]], doc.Chunks.Select(c => c.Headings.ToArray()).ToArray());
    }

    [Fact]
    public void A_paragraph_without_full_stops_is_cut_into_bounded_chunks()
    {
        var content = "---\nid: one\ntitle: 一段\n---\n" + string.Concat(Enumerable.Repeat("职工家属可以申请帮扶", 5000));

        var doc = DocumentParser.Parse("one.md", Encoding.UTF8.GetBytes(content));

        Assert.All(doc.Chunks, c => Assert.InRange(c.Text.Length, 1, ChunkBuilder.MaxChunkChars));
        Assert.Equal(50_000, doc.Chunks.Sum(c => c.Text.Length));
    }

    [Fact]
    public void A_docx_that_unpacks_to_too_much_is_refused_with_the_reason()
    {
        var bomb = WithPart(Docx.Build((null, "标题"), (null, "正文。")), "word/padding.xml", DocxDocumentParser.MaxUncompressedBytes + 1);

        var refused = Assert.Throws<DocumentFormatException>(() => DocumentParser.Parse("bomb.docx", bomb));

        Assert.Contains("解压后超过", refused.Message);
        Assert.True(bomb.Length < 1024 * 1024, "the test file should be a small download that unpacks to much more");
    }

    [Fact]
    public void A_docx_holding_too_much_text_is_refused_with_the_reason()
    {
        var big = Docx.Build((null, "标题"), (null, new string('帮', DocumentParser.MaxDocumentChars + 1)));

        Assert.Contains("万字", Assert.Throws<DocumentFormatException>(() => DocumentParser.Parse("big.docx", big)).Message);
    }

    private static byte[] WithPart(byte[] docx, string name, long zeros)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var part = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Optimal).Open();
            var block = new byte[1024 * 1024];
            for (var written = 0L; written < zeros; written += block.Length)
            {
                part.Write(block, 0, (int)Math.Min(block.Length, zeros - written));
            }
        }
        return stream.ToArray();
    }
}
