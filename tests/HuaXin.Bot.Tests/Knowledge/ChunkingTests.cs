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
}
