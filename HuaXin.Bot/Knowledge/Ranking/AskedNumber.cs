using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>A question that asks for a number (多少钱, 几天, 多久) is not answered when none of the clauses found states
/// one. A clause on the same subject with no number in it (…的标准由各单位确定) does not say how much or how long; given
/// as the answer it would read as one, so the clauses are offered as related instead.</summary>
public static partial class AskedNumber
{
    /// <summary>Whether a clause that asks (<see cref="AskingClause.Asking"/>) asks how many or how much: 多少 or 几 with a unit
    /// (几天, 多少钱, 几个月) or alone at its end, 多久, 多长. The background's numbers (好几万, 几次介绍工作), a yes/no
    /// question (能多载几个吗) and a count of kinds (几种, 几个部门: answered by naming them) do not ask for one.</summary>
    public static bool Asks(string normalizedQuestion)
    {
        var clauses = AskingClause.Split(normalizedQuestion);
        var asking = AskingClause.Asking(clauses);
        return clauses.Where((_, i) => asking[i]).Any(c => !c.EndsWith('吗') && Quantity().IsMatch(c));
    }

    /// <summary>Whether the text states a number: digits, or a Chinese numeral with a unit or a measure word.</summary>
    public static bool Stated(string text) => Number().IsMatch(text);

    [GeneratedRegex(@"(?<![好十没哪这那几])(多少|几)(?=个?(钱|元|块|天|日|年|月|周|星期|小时|分钟|分|岁|次|倍|成|级|人|公斤|斤|平|公里|点|号|万|千|百|十|工作日)|$)|多大|多长|多久|多高|多远|多重")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"[0-9０-９]|[一二三四五六七八九十两半百千万]+(个|周|日|天|年|月|元|块|人|次|小时|时|点|公斤|分|岁|倍|成|级|批|名|项|学时|工作日|平方米|公里|星期)|百分之")]
    private static partial Regex Number();
}
