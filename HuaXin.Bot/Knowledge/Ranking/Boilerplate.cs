using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>The closing articles Chinese regulations are drafted with ("本办法由集团工会负责解释", "本条例自2008年1月1日起
/// 施行"): they name who interprets the document and when it takes effect, and answer nothing else, however many of a
/// question's words they share ("找谁办" and 负责, "啥时候" and 自…起). A clause that says more (a phone number for
/// questions) is not one.</summary>
public static partial class Boilerplate
{
    /// <summary>Whether every sentence of the clause is a closing formula.</summary>
    public static bool Is(string clauseText)
    {
        var sentences = Sentence().Split(Label().Replace(clauseText.Trim(), "")).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        return sentences.Count > 0 && sentences.All(s => Formula().IsMatch(s));
    }

    /// <summary>Whether the question asks what a closing article says: who interprets it, when it took effect.</summary>
    public static bool Asked(string question) => AsksIt().IsMatch(question);

    [GeneratedRegex(@"^第[零一二三四五六七八九十百千0-9]+条\s*")]
    private static partial Regex Label();

    [GeneratedRegex("[。；;]")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"^(本|此)\p{IsCJKUnifiedIdeographs}{1,6}(由\S{1,24}负责解释|自\S{1,24}(起|之日)(施行|实施|执行|生效)|(由\S{1,24}负责解释)[，,]?\s*自\S{1,24}(起|之日)(施行|实施|执行|生效))$")]
    private static partial Regex Formula();

    [GeneratedRegex("解释|施行|实施|生效|执行|废止|什么时候(开始|起)|啥时候(开始|起)|从哪天")]
    private static partial Regex AsksIt();
}
