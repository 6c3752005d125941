using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Every stretch of a message that could name a time (明天上午, 下周三到周五, 腊月二十五以后, 每周二四下午四点半,
/// 9月份, 秋季, 上个月, 十点多, 八月底…): runs of adjacent time words, joined over 到/至/、, and each shorter run inside
/// them. Which of them (if any) is the time a service is wanted is for the fitted chooser to decide; this only proposes.</summary>
public static partial class TimePhrases
{
    /// <summary>Candidate spans, longest runs first within each position; a run of n words yields every sub-run that
    /// does not start with a qualifier (前, 以后…) or a connector.</summary>
    public static IReadOnlyList<TimePhrase> Find(string text)
    {
        var atoms = Atom().Matches(text).Where(m => m.Length > 0).ToList();
        var result = new List<TimePhrase>();
        var run = new List<Match>();
        for (var i = 0; i <= atoms.Count; i++)
        {
            if (i < atoms.Count && run.Count > 0 && Joins(text, run[^1], atoms[i]))
            {
                run.Add(atoms[i]);
                continue;
            }
            if (run.Count > 0) AddSubRuns(text, run, result);
            run = i < atoms.Count ? [atoms[i]] : [];
        }
        return result;
    }

    private static void AddSubRuns(string text, List<Match> run, List<TimePhrase> result)
    {
        for (var a = 0; a < run.Count; a++)
        {
            if (run[a].Groups["qual"].Success) continue;
            for (var b = run.Count - 1; b >= a; b--)
            {
                var start = run[a].Index;
                var end = run[b].Index + run[b].Length;
                var kinds = run.Skip(a).Take(b - a + 1).Select(Kind).ToList();
                result.Add(new TimePhrase(start, end - start, text[start..end], a == 0 && b == run.Count - 1, kinds));
            }
        }
    }

    // Adjacent, or separated by one connector ("下周三到周五", "周二、周四") or one space.
    private static bool Joins(string text, Match previous, Match next)
    {
        var gap = text[(previous.Index + previous.Length)..next.Index];
        if (gap.Length == 0) return true;
        if (next.Groups["qual"].Success) return false;
        return gap.Trim() is "" or "到" or "至" or "~" or "-" or "—" or "、" or "和" or "或" && gap.Length <= 3;
    }

    private static string Kind(Match m)
    {
        foreach (var name in Kinds)
        {
            if (m.Groups[name].Success) return name;
        }
        return "other";
    }

    private static readonly string[] Kinds = ["every", "past", "rel", "few", "week", "month", "date", "lunar", "fest", "season", "year", "part", "hour", "xun", "qual"];

    private const string N = @"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})";
    private const string Day = "[一二三四五六日天末1-7]";
    // "周二四", "周六、周日", "礼拜六礼拜天": one list of days.
    private const string MoreDays = "[、和]?(?:周|星期|礼拜)?" + Day;

    [GeneratedRegex(
        @"(?<every>每个?(?:周|星期|礼拜)" + Day + @"(?:[、和]?" + Day + @"){0,3}(?![回次趟])|每个?(?:天|晚|早|日|周|星期|礼拜|月|年)|天天|隔天|每隔一天)"
        + @"|(?<past>昨天|昨晚|前天|前几天|前两天|上个?(?:周|星期|礼拜|月)" + Day + "?|去年|前年|上回|上次)"
        + @"|(?<rel>今明两天|今明天|今天之内|今天|今儿个|今儿|今晚|今早|今夜|明后天|明天|明儿个|明儿|明晚|明早|大后天|后天(?!天)|当天|当晚|第二天|次日)"
        + @"|(?<few>这两天|这几天|这一两天|过两天|过几天|近两天|这阵子|最近)"
        + @"|(?<week>(?:下下个?|下个?|这个?|本)(?:周|星期|礼拜)(?:" + Day + @"(?:" + MoreDays + @"){0,3})?|(?<![一二三四五六七八九十两\d])(?:周|星期|礼拜)" + Day + @"(?:" + MoreDays + @"){0,3})"
        + @"|(?<month>(?:下下个?|下个?|这个?|本)月(?:初(?![一二三四五六七八九十])|底|末|中旬|上旬|下旬|中)?|月底|月初|月中|月末|年底|年初|年前|年后|年内|年根(?:底下)?)"
        + @"|(?<date>\d{4}年(?:" + N + @"月)?|" + N + @"月份|" + N + @"月(?:" + N + @"(?:号|日)?)?|(?<![路街巷道村庄屯组院区苑园楼室排户镇乡里弄\dA-Za-z一二三四五六七八九十尾])" + N + @"(?:号|日)(?![楼院线床房室门宿车窗厂]))"
        + @"|(?<lunar>(?:农历|阴历|老历)?(?:腊月|正月|冬月|[一二三四五六七八九十]{1,2}月)(?:初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十|十[一二三四五六七八九]?)|腊月|正月|冬月|(?<![上读念])初[一二三四五六七八九十](?![中级学生年])|大年三十|年三十|除夕|小年|元宵节?|腊八)"
        + @"|(?<fest>春节|过完年|过了年|过年|中秋节?|国庆节?|元旦|端午节?|清明节?|重阳节?|七夕|冬至|寒假|暑假|(?:开学|放假)(?=以前|以后|之前|之后|前|后|的时候|那天)|五一|十一假期|春运|年假|(?:下|这|本|新)学期)"
        + @"|(?<season>春季|夏季|秋季|冬季|春天|夏天|秋天|冬天|秋后|入冬|开春)"
        + @"|(?<year>今年|明年|后年|上半年|下半年)"
        + @"|(?<part>上午|下午|中午|晚上|早上|早晨|一大早|大清早|清早|一早|傍晚|傍黑|擦黑|半夜|夜里|凌晨|白天|晌午|后晌|头午|上半天|下半天|放学后|下班后|早饭后|午饭后|晚饭后|饭后)"
        + @"|(?<hour>(?<![快早慢好多少有差大小高低点再稍])" + N + @"(?:点半|点钟|点(?:" + N + @"分?)?)(?![儿点])|\d{1,2}:[0-5]\d)"
        + @"|(?<xun>上旬|中旬|下旬)"
        + @"|(?<qual>之前|以前|之后|以后|之内|以内|左右|前后|期间|那几天|那天|的时候|前|后|内|(?<=点)多|(?<=月)(?:底|初(?![一二三四五六七八九十])|末|里))")]
    private static partial Regex Atom();
}

/// <param name="IsMaximal">The whole run of adjacent time words, not a part of it.</param>
/// <param name="Kinds">What each word of it is (rel, week, date, part, hour, every, past, qual…).</param>
public sealed record TimePhrase(int Start, int Length, string Text, bool IsMaximal, IReadOnlyList<string> Kinds);
