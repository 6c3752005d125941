using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>The closing articles Chinese regulations are drafted with ("本办法由集团工会负责解释", "本条例自2008年1月1日起
/// 施行"): they name who interprets the document and when it takes effect, and answer nothing else, however many of a
/// question's words they share ("找谁办" and 负责, "啥时候" and 自…起). A clause that says more (a phone number for
/// questions) is not one. Nor does the record of enactment a law opens with.</summary>
public static partial class Boilerplate
{
    /// <summary>Whether every sentence of the clause is a closing formula.</summary>
    public static bool Is(string clauseText)
    {
        var sentences = Sentence().Split(Label().Replace(clauseText.Trim(), "")).Select(s => s.Trim()).Where(s => s.Any(char.IsLetterOrDigit)).ToList();
        return sentences.Count > 0 && sentences.All(s => Formula().IsMatch(s) || History().IsMatch(s));
    }

    /// <summary>Whether the question asks what a closing article says: who interprets it, when it took effect.</summary>
    public static bool Asked(string question) => AsksIt().IsMatch(question);

    [GeneratedRegex(@"^第[零一二三四五六七八九十百千0-9]+条\s*")]
    private static partial Regex Label();

    [GeneratedRegex("[。；;\n]")]
    private static partial Regex Sentence();

    // A law's record of enactment before its first article ("2004年10月26日 国务院第68次常务会议通过", "根据…第一次修正"):
    // its 代表大会 and 会议 match questions about representatives and meetings, and it answers none of them.
    [GeneratedRegex(@"^[（(]?(根据)?[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日.{0,120}(通过|修正|修订|公布|施行|发布|决定)[)）]?$")]
    private static partial Regex History();

    [GeneratedRegex(@"^(本|此)\p{IsCJKUnifiedIdeographs}{1,6}(由\S{1,24}负责解释|自\S{1,24}(起|之日)(施行|实施|执行|生效)|(由\S{1,24}负责解释)[，,]?\s*自\S{1,24}(起|之日)(施行|实施|执行|生效))$")]
    private static partial Regex Formula();

    [GeneratedRegex("解释|施行|实施|生效|执行|废止|什么时候(开始|起)|啥时候(开始|起)|从哪天")]
    private static partial Regex AsksIt();
}
