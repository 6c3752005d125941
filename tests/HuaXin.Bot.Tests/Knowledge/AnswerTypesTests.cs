using HuaXin.Bot.Knowledge.Ranking;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>A clause gives the asked kind of answer by its form, not by repeating the word the question asked with.</summary>
public class AnswerTypesTests
{
    [Theory]
    [InlineData("有下列情形之一的，可以认定为特困家庭：1.无劳动能力的；2.无生活来源的", true)]
    [InlineData("申请人应当具备以下条件：年满十八周岁", true)]
    [InlineData("期满后仍符合困难条件的，经重新认定可以继续发放", false)]
    [InlineData("复核后不再符合条件的，及时退出", false)]
    public void Conditions_are_given_by_a_statement_of_criteria(string clause, bool gives) =>
        Assert.Equal(gives, AnswerTypes.Present(clause, AnswerType.Conditions) == AnswerType.Conditions);

    [Theory]
    [InlineData("有下列情形之一的，不予救助：\n1.因赌博致困的；\n2.提供虚假材料的", AnswerType.Exclusions)]
    [InlineData("符合下列条件的，可以申请：年满十八周岁。有下列情形之一的，不得申请：已领取其他救助的", AnswerType.Conditions | AnswerType.Exclusions)]
    [InlineData("有下列情形之一的，可以认定为困难家庭：1.无生活来源的", AnswerType.Conditions)]
    public void Grounds_for_refusal_are_exclusions_not_criteria(string clause, AnswerType gives) =>
        Assert.Equal(gives, AnswerTypes.Present(clause, AnswerType.Conditions | AnswerType.Exclusions));

    [Theory]
    [InlineData("困难帮扶有啥条件", false)]
    [InlineData("能不能申请，有啥条件", false)]
    [InlineData("什么情况不予救助", true)]
    [InlineData("哪些人不能申请", true)]
    [InlineData("不能申请", false)]
    public void Exclusions_are_asked_by_a_question_for_what_rules_one_out(string question, bool asked) =>
        Assert.Equal(asked, (AnswerTypes.Asked(question) & AnswerType.Exclusions) != 0);

    [Theory]
    [InlineData("申请时须提交以下材料：申请表、身份证复印件", true)]
    [InlineData("材料不全的，退回补正", false)]
    public void Documents_are_given_by_the_papers_to_hand_in(string clause, bool gives) =>
        Assert.Equal(gives, AnswerTypes.Present(clause, AnswerType.Documents) == AnswerType.Documents);

    [Theory]
    [InlineData("区工会负责审核和发放", true)]
    [InlineData("各部门应当加强配合", false)]
    [InlineData("经班组长、项目经理签署意见后，报单位负责人批准", true)] // who approves
    [InlineData("本规定由办公室负责解释", false)] // who interprets the rules is not in charge of the matter
    public void An_office_is_given_by_who_is_in_charge(string clause, bool gives) =>
        Assert.Equal(gives, AnswerTypes.Present(clause, AnswerType.Agency) == AnswerType.Agency);

    [Theory]
    [InlineData("补贴有啥条件", AnswerType.Conditions)]
    [InlineData("哪些人可以申请", AnswerType.Conditions)]
    [InlineData("住院了能不能报", AnswerType.None)]
    [InlineData("路上的时间算不算", AnswerType.None)]
    [InlineData("接了个电话被罚了", AnswerType.None)]
    [InlineData("这事找谁办", AnswerType.Agency)]
    public void A_yes_or_no_question_does_not_ask_for_criteria(string question, AnswerType asked) =>
        Assert.Equal(asked, AnswerTypes.Asked(question));

    [Fact]
    public void A_focus_that_names_a_kind_of_answer_is_held_by_that_form()
    {
        Assert.True(QuestionFocus.In("条件", "有下列情形之一的，可以认定为特困家庭"));
        Assert.False(QuestionFocus.In("条件", "期满后仍符合困难条件的，经重新认定可以继续发放"));
        Assert.True(QuestionFocus.In("银行", "通过银行转账发放"));
    }
}
