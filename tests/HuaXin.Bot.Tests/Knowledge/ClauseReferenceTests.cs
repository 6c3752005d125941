using HuaXin.Bot.Knowledge.Answering;
using HuaXin.Bot.Knowledge.Search;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>A lead that leans on other articles of its document ("在第四条标准基础上") carries what they say, labelled, once,
/// all or none; references to other laws, to chapters and to itself are left alone.</summary>
public class ClauseReferenceTests
{
    [Theory]
    [InlineData("在第四条标准基础上加发1000元奖学金。", "第七条", "第四条")]
    [InlineData("依照本办法第五条规定办理；按第五条执行。", "第七条", "第五条")]
    [InlineData("依照本法第十条、第十二条的规定处罚。", "第三十条", "第十条,第十二条")]
    [InlineData("依照《中华人民共和国劳动法》第四条执行。", "第七条", "")]
    [InlineData("依照劳动合同法第十条、第十二条的规定。", "第七条", "")]
    [InlineData("适用本办法第二章的规定。", "第七条", "")]
    [InlineData("本条所称职工，按第七条认定。", "第七条", "")]
    [InlineData("发放标准见第四条、第五条、第六条。", "第九条", "第四条,第五条,第六条")]
    public void Same_document_references_are_found_others_are_not(string text, string own, string expected)
    {
        Assert.Equal(expected, string.Join(',', ClauseReferences.SameDocument(text, own)));
    }

    [Theory]
    // The referenced article's answering sentences and list come along, labelled with its article.
    [InlineData("在第四条标准基础上加发1000元奖学金。", "在第四条标准基础上加发1000元奖学金。\n第四条：考入大学的，一次性发放助学金：\n1. 本科，3000元；\n2. 专科，2000元。")]
    // What a referenced article refers to is not followed (第四条 → 第七条 would loop).
    [InlineData("按第五条执行。", "按第五条执行。\n第五条：在第四条基础上另发补助5000元。")]
    // An article too long to read on a phone stays behind its own citation.
    [InlineData("依照第八条处理。", "依照第八条处理。")]
    // All or none: when one named article cannot be shown, none is, so the lead does not seem to hinge on one of them.
    [InlineData("依照第五条、第八条处理。", "依照第五条、第八条处理。")]
    // Together they are short enough.
    [InlineData("依照第四条、第五条处理。", "依照第四条、第五条处理。\n第四条：考入大学的，一次性发放助学金：\n1. 本科，3000元；\n2. 专科，2000元。\n第五条：在第四条基础上另发补助5000元。")]
    // An article the document does not have, or another document's, adds nothing.
    [InlineData("依照第二十条处理。", "依照第二十条处理。")]
    // A long article gives the sentence that answers the question, not the whole article.
    [InlineData("按第十条执行。", "按第十条执行。\n第十条：考上大学的，另发补贴500元。")]
    // A long article whose answering sentence is a list item gives it after the sentence that opens the list.
    [InlineData("按第九条执行。", "按第九条执行。\n第九条：以下各项按规定办理：\n1. 考上大学的补贴另行申请；")]
    // Twice named, carried once.
    [InlineData("按第五条、第五条执行。", "按第五条、第五条执行。\n第五条：在第四条基础上另发补助5000元。")]
    public void A_lead_carries_the_articles_it_leans_on_once_and_short(string lead, string expected)
    {
        var clauses = new[]
        {
            Clause("aid", "第四条", "考入大学的，一次性发放助学金：\n1. 本科，3000元；\n2. 专科，2000元。"),
            Clause("aid", "第五条", "在第四条基础上另发补助5000元。"),
            Clause("aid", "第七条", lead),
            Clause("aid", "第八条", string.Concat(Enumerable.Repeat("办理时须提交身份证明、录取通知书和家庭情况说明材料，", 8)) + "逐级审核。"),
            Clause("aid", "第九条", "以下各项按规定办理：\n1. 考上大学的补贴另行申请；\n" + string.Join('\n', Enumerable.Range(2, 9).Select(i => $"{i}. 其他事项按照工会的有关规定统一办理；"))),
            Clause("aid", "第十条", string.Concat(Enumerable.Repeat("办理时须提交身份证明和家庭情况说明材料。", 12)) + "考上大学的，另发补贴500元。"),
            Clause("other", "第二十条", "另一份文件的规定。"),
        };
        var units = new QueryAnalyzer(Lexicon.Empty).Analyze("考上大学有补贴吗", new Bm25Index([]));

        Assert.Equal(expected, AnswerComposer.WithReferences(lead, clauses[2], clauses, units, _ => 1));
    }

    private static IndexedChunk Clause(string docId, string label, string text) => new(docId, "职工子女助学办法", ["第二章 助学标准", label], text, 0);
}
