using HuaXin.Bot.Knowledge.Ranking;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>Which questions ask for a number, read in the clause that asks, and which texts state one.</summary>
public class AskedNumberTests
{
    [Theory]
    [InlineData("探亲假有几天", true)]
    [InlineData("参加医疗互助一年要交多少钱", true)]
    [InlineData("多久能批下来", true)]
    [InlineData("俺男人是建造师 探亲假能休几个月", true)]
    [InlineData("取暖补贴发多少", true)]
    [InlineData("探亲假一年能休几天？来回路费单位给报吗？", true)] // the first of two questions asks it
    [InlineData("俺婆婆看病花了好几万 算不算困难户", false)] // the background's number
    [InlineData("校车能多载几个学生吗", false)] // yes or no
    [InlineData("劳动合同有几种", false)] // a count of kinds, answered by naming them
    [InlineData("社区几次介绍工作都推掉 会不会影响领低保", false)] // the clause that asks has none
    [InlineData("困难帮扶有啥条件", false)]
    [InlineData("俺没念过几天书 仲裁申请书写不来 咋整", false)] // after a negation, 几 is "a few"
    [InlineData("干了半年 工钱没给多少", false)]
    [InlineData("有没有几天带薪假", true)] // 有没有 asks; it negates nothing
    [InlineData("补贴还没发 一个月能发多少", true)]
    [InlineData("是村干部几个人商量定了就行，还是得全体村民开会讨论？", false)] // a choice of two ways
    public void A_question_asks_for_a_number_in_the_clause_that_asks(string question, bool asks) =>
        Assert.Equal(asks, AskedNumber.Asked(question) is not null);

    [Theory]
    [InlineData("家里有两套房子，还能申请困难救助吗？要是能申请，审批大概多久？", true)]
    [InlineData("我今年36了，还能报名当志愿者吗？报上以后要培训多长时间？", true)]
    [InlineData("探亲假一年能休几天？来回路费单位给报吗？", false)] // the number is asked first
    [InlineData("医疗互助一年交多少钱", false)]
    [InlineData("俺男人是建造师 探亲假能休几天", false)] // background, then the one question
    [InlineData("申请法律援助要交啥材料？多久能批下来？", true)] // the papers first, and the clause lists them
    [InlineData("拘留所在哪，家属几点能去送衣服？", false)] // where: the clause names no office or place
    public void A_number_asked_after_another_question_the_clause_answers_is_a_second_question(string question, bool second) =>
        Assert.Equal(second, AskedNumber.AskedAfterAnotherQuestion(question, "申请法律援助应当提交下列材料：（一）身份证明；（二）经济困难证明。"));

    [Theory]
    [InlineData("自收到完整材料之日起15个工作日内审核完毕", true)]
    [InlineData("每日工作时间不超过八小时", true)]
    [InlineData("不得低于最低工资标准的百分之八十", true)]
    [InlineData("不得在每日二十二时至次日八时提供服务", true)]
    [InlineData("具体标准由各单位工会根据当地情况确定", false)]
    [InlineData("第十四条 按照国家有关规定执行", false)] // an article's number is not a quantity
    public void A_text_states_a_number_with_digits_or_a_numeral_and_a_unit(string text, bool stated) =>
        Assert.Equal(stated, AskedNumber.Stated(text));

    [Theory]
    [InlineData("取暖补贴一个月发多少钱", "钱")]
    [InlineData("陪产假能休几天", "天")]
    [InlineData("试用期最长能约定几个月", "月")]
    [InlineData("多久能批下来", "久")]
    [InlineData("每月能扣多少", "")] // a number of any kind
    [InlineData("单位缴费比例是百分之几", "%")] // a share
    [InlineData("能报几成", "成")]
    [InlineData("心理热线电话是多少", "电话")] // a number to dial
    [InlineData("困难帮扶有啥条件", null)]
    public void The_unit_asked_for_is_read(string question, string? unit) =>
        Assert.Equal(unit, AskedNumber.Asked(question));

    [Theory]
    [InlineData("生育的，发放慰问金500元", "天", false)] // a number, not of days
    [InlineData("探亲假假期20天", "天", true)]
    [InlineData("自受理之日起15个工作日内办结", "天", true)]
    [InlineData("伤残津贴为本人工资的75%", "钱", true)] // money as a share of pay
    [InlineData("按其工龄支付6个月的本人工资", "钱", true)]
    [InlineData("每年11月15日起开始供暖", "钱", false)] // a date is not money
    [InlineData("自收到申请之日起三十日内作出决定", "久", true)]
    [InlineData("贷款期限最长不超过30年", "年", true)]
    [InlineData("车间工会每季度组织一次走访", "久", true)] // how often answers 多久 (一次)
    [InlineData("车间工会定期组织走访", "久", false)]
    [InlineData("按规定发放", "钱", false)]
    [InlineData("年满十六周岁的", "岁", true)] // laws write ages as 周岁
    [InlineData("须参加不少于4学时的岗前培训", "久", true)] // training is counted in 学时
    [InlineData("处二百元以上二千元以下罚款", "%", false)] // a sum, not a share
    [InlineData("不得低于最低工资标准的百分之八十", "%", true)]
    [InlineData("按工资总额的2%缴纳", "%", true)]
    [InlineData("报销七成", "成", true)]
    [InlineData("24小时安心热线：0531-88886666", "电话", true)]
    [InlineData("可拨打12345反映", "电话", true)]
    [InlineData("每人每年补助20000元", "电话", false)] // a sum, not a number to dial
    public void A_text_states_a_number_of_what_was_asked(string text, string unit, bool stated) =>
        Assert.Equal(stated, AskedNumber.Stated(text, unit));
}
