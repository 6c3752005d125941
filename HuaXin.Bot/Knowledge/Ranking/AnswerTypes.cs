using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>The kind of answer a question asks for.</summary>
[Flags]
public enum AnswerType
{
    None = 0,
    Duration = 1,
    Amount = 2,
    Age = 4,
    Rate = 8,
    Conditions = 16,
    Documents = 32,
    Agency = 64,
    Procedure = 128,

    /// <summary>The grounds on which something is refused (有下列情形之一的，不予…): asked only with
    /// <see cref="Conditions"/> by a question that asks what rules one out.</summary>
    Exclusions = 256,
}

/// <summary>What kind of answer a question asks for, and which kinds a clause gives, by general patterns of Chinese
/// expressions, not by topic. A clause gives a kind by the form of its answer (a number with a unit of time, money, age
/// or share; a list of criteria; the papers to hand in; the office that is in charge; the steps), never by the word the
/// question asked with: a clause that says "符合困难条件的" names conditions without stating them, while "有下列情形之一
/// 的…可以认定为" states them without the word. Criteria and exclusions are told apart by polarity: "有啥条件" is not
/// answered by the list of grounds for refusal, "什么情况不予救助" is.</summary>
public static class AnswerTypes
{
    private const string Number = "[0-9零一二三四五六七八九十百千万两半几]";

    private static readonly (AnswerType Type, Regex Asked, Regex Present)[] Patterns =
    [
        (AnswerType.Duration,
            new(@"几天|多少天|多久|多长时间|多长|期限|时限|几个月|多少个月|几年|多少年|什么时候|啥时候|何时|哪天|几号|有效期|截止|多快"),
            new($@"{Number}+\s*个?(工作日|日|天|周|星期|个月|月|年|小时)|之日起")),
        (AnswerType.Amount,
            new(@"多少钱|多少元|钱数|金额|标准|补多少|发多少|给多少|报多少|赔多少|拿多少|能补|几块|多少万|费用|待遇|数额|额度|上限|封顶|怎么算|多少"),
            new($@"{Number}+\s*(元|块|万元|千元)|百分之|%|倍")),
        (AnswerType.Age,
            new(@"几岁|多大|年龄|岁数|年纪|多少岁"),
            new($@"{Number}+\s*周?岁|年满|年龄|未成年|老年人|退休")),
        (AnswerType.Rate,
            new(@"比例|百分之|几成|多少成|比率|几折|百分比|%"),
            new($@"%|百分之|比例|{Number}成|倍")),
        // Asked for the criteria themselves; a yes/no question (能不能, 算不算) is answered by whichever clause states the rule.
        // Likewise a paper named in a yes/no question (还得开证明不) is its topic, not a request for the list of papers.
        (AnswerType.Conditions,
            new(@"条件|情形|资格|哪些人|什么人|谁能|谁可以|什么情况|哪些情况"),
            new(@"(下列|以下|如下)\S{0,6}(情形|条件|情况)|之一的|(符合|具备|满足)(下列|以下|如下)|认定为|视为|(应当|须|需|必须)(具备|符合|满足)|满\S{0,4}(年|岁|个月)的|方可")),
        (AnswerType.Documents,
            new(@"材料|手续|资料|带啥|带什么|提供什么|提供哪些|准备什么|准备啥|准备哪些|提交什么|(什么|哪些|啥)(证明|证件|单子|票据|表)"),
            new(@"(提交|提供|携带|出具|附|持|准备)(以下|下列|如下|相关)?\S{0,8}(材料|证明|资料|证件)|复印件|申请表|登记表|身份证|户口簿|证明书|诊断证明|票据|发票|委托书")),
        (AnswerType.Agency,
            new(@"找谁|哪个部门|什么部门|谁管|谁负责|去哪|到哪|哪里|哪儿|在哪|联系谁|联系方式|哪个电话|什么电话|电话多少|电话是多少|谁来|谁办|谁批"),
            new(@"负责(?!解释)|主管|受理|批准|审批|签署意见|由\S{1,15}(办理|审核|组织|核实|发放)|电话|热线|\d{7,}")),
        (AnswerType.Procedure,
            new(@"怎么办|怎么申请|如何申请|流程|程序|步骤|怎么报|怎样|如何|怎么弄|咋办|咋申请|咋弄|咋整|怎么领|怎么办理|手续"),
            new(@"申请|提交|审核|审批|办理|程序|报送|填写|受理|报销|登记|领取|提出|流程")),
    ];

    // A sentence that refuses on grounds (…之一的，不予救助；…的，不得申请): its "之一的" states exclusions, not criteria.
    private static readonly Regex Exclusion = new(@"(之一|情形|情况|的)[，,：:]?\s*(不予|不得|不能|不再|不属于|不享受|不适用|不列入|不纳入|取消)|不予");
    private static readonly char[] SentenceEnds = ['。', '；', ';', '\n'];

    // A question that asks what rules one out; "能不能", "有没有" ask yes or no and are read without their 不/没.
    private static readonly Regex Negated = new(@"不予|不给|不能|不可以|不得|不让|不行|不算|不享受|不符合|不属于|不批|不发|不准|不报|取消|除外|排除|拒绝|禁止|没资格|没有资格");
    private static readonly Regex YesNo = new(@"(\p{IsCJKUnifiedIdeographs})[不没]\1");

    /// <summary>Every kind.</summary>
    public static readonly AnswerType All = Patterns.Aggregate(AnswerType.Exclusions, (all, p) => all | p.Type);

    /// <summary>The kinds of answer a question asks for (several, or none for a bare topic).</summary>
    public static AnswerType Asked(string question)
    {
        var asked = AnswerType.None;
        foreach (var (type, pattern, _) in Patterns)
        {
            if (pattern.IsMatch(question))
            {
                asked |= type;
            }
        }
        if ((asked & AnswerType.Conditions) != 0 && Negated.IsMatch(YesNo.Replace(question, "")))
        {
            asked |= AnswerType.Exclusions;
        }
        return asked;
    }

    /// <summary>Whether the question asks yes or no (能不能, 有没有, …吗) rather than for the kind its words name.</summary>
    public static bool AsksYesOrNo(string question) => YesNo.IsMatch(question) || question.Contains('吗');

    /// <summary>A word's kinds read in its question: "条件" in a question that asks what rules one out also asks for
    /// the exclusions.</summary>
    public static AnswerType WithExclusions(AnswerType word, AnswerType question) =>
        (word & AnswerType.Conditions) != 0 ? word | (question & AnswerType.Exclusions) : word;

    /// <summary>How many expressions of the <paramref name="wanted"/> kinds the clause holds: a list of papers names
    /// several, a clause that only mentions 材料 in passing one.</summary>
    public static int Count(string clause, AnswerType wanted) =>
        Patterns.Where(p => (wanted & p.Type) != 0).Sum(p => p.Present.Count(clause));

    /// <summary>The kinds among <paramref name="wanted"/> that the clause holds an expression of.</summary>
    public static AnswerType Present(string clause, AnswerType wanted)
    {
        var present = AnswerType.None;
        var criteria = clause;
        if ((wanted & (AnswerType.Conditions | AnswerType.Exclusions)) != 0 && Exclusion.IsMatch(clause))
        {
            present |= wanted & AnswerType.Exclusions;
            criteria = string.Join('。', clause.Split(SentenceEnds).Where(sentence => !Exclusion.IsMatch(sentence)));
        }
        foreach (var (type, _, pattern) in Patterns)
        {
            if ((wanted & type) != 0 && pattern.IsMatch(type == AnswerType.Conditions ? criteria : clause))
            {
                present |= type;
            }
        }
        return present;
    }
}
