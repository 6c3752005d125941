using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Text;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>When help is wanted (明天上午, 下周三, 这周末, 3月5号 下午三点, 下个月十号…): keeps the words and resolves them
/// to a concrete window against the local "now" of the <see cref="TimeProvider"/>.</summary>
public sealed partial class WhenExtractor(TimeProvider time) : ISlotExtractor
{
    public string Slot => SlotNames.When;

    public SlotMatch? Extract(string text)
    {
        var match = Expression().Match(text);
        var other = Unresolved().Match(text);
        // Dates of the lunar calendar, festivals and habits ("每周五下午") are kept as said, without a window.
        if (other.Success && (!match.Success || other.Index <= match.Index)) return Recurring(other.Value) ?? new SlotMatch(other.Value);
        if (!match.Success) return null;
        var now = time.GetLocalNow();
        var window = Resolve(match, now);
        if (window is null) return null;
        // "下礼拜一到礼拜三", "周六周日": a range ends where its second time does.
        var to = RangeEnd().Match(text, match.Index + match.Length);
        // The second time is read on its own: "周日" right after "周六" is not the 周 of "一周三次".
        var from = to.Success ? to.Index + to.Length : 0;
        if (to.Success && Expression().Match(text[from..]) is { Success: true, Index: 0 } end && Resolve(end, now) is { } until)
        {
            // "礼拜三" after "下礼拜一" is the Wednesday of that week.
            var last = until.End > window.Start ? until.End : until.End.AddDays(7);
            return new SlotMatch(text[match.Index..(from + end.Length)], new TimeWindow(window.Start, last));
        }
        return new SlotMatch(match.Value, window);
    }

    // A habit ("每天中午") also says when the first visit is wanted: the next such time.
    private SlotMatch? Recurring(string said)
    {
        var m = Expression().Match(said.Replace("每天", "今天").Replace("每个", "").Replace("每", "这"));
        return said.StartsWith('每') && m.Success && Resolve(m, time.GetLocalNow()) is { } w ? new SlotMatch(said, w) : null;
    }

    private TimeWindow? Resolve(Match m, DateTimeOffset now)
    {
        var today = now.Date;
        (DateTime Start, DateTime End)? day = m.Groups["day"].Success ? ResolveDay(m.Groups["day"].Value, today)
            : m.Groups["hour"].Success || m.Groups["part"].Success ? (today, today.AddDays(1))
            : null;
        if (day is not { } d) return null;

        var (start, end) = Narrow(d, PartOf(m), m.Groups["hour"].Value);
        if (m.Groups["before"].Success) start = now.DateTime; // "月底前" = from now until then
        return new TimeWindow(At(start), At(end));
    }

    // 今晚/明早 carry their part of day inside the day word.
    private static string PartOf(Match m) => m.Groups["part"].Success ? m.Groups["part"].Value
        : m.Groups["day"].Value switch { "今晚" or "明晚" or "今夜" => "晚上", "今早" or "明早" => "早上", _ => "" };

    private static (DateTime, DateTime)? ResolveDay(string day, DateTime today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        switch (day)
        {
            case "今天" or "今儿" or "今儿个" or "今晚" or "今早" or "今夜" or "今天之内": return OneDay(today);
            case "明天" or "明儿" or "明儿个" or "明晚" or "明早": return OneDay(today.AddDays(1));
            case "后天": return OneDay(today.AddDays(2));
            case "大后天": return OneDay(today.AddDays(3));
            case "这两天" or "这几天": return (today, today.AddDays(3));
            case "明后天": return (today.AddDays(1), today.AddDays(3));
            case "过两天" or "过几天": return (today.AddDays(2), today.AddDays(5));
            case "这周" or "本周" or "这个星期" or "这星期": return (today, monday.AddDays(7));
            case "月底": return (LastDayOfMonth(today).AddDays(-4), LastDayOfMonth(today).AddDays(1));
            case "月初": return (FirstOfMonth(today), FirstOfMonth(today).AddDays(5));
            case "下个月初" or "下月初": return (FirstOfMonth(today).AddMonths(1), FirstOfMonth(today).AddMonths(1).AddDays(5));
            case "下个月" or "下月": return (FirstOfMonth(today).AddMonths(1), FirstOfMonth(today).AddMonths(2));
        }

        var week = WeekDay().Match(day);
        if (week.Success)
        {
            var weeksAhead = week.Groups["which"].Value switch { "下下" => 2, "下" or "下个" => 1, _ => 0 };
            var weekStart = monday.AddDays(7 * weeksAhead);
            var name = week.Groups["d"].Value;
            if (name == "") return (weekStart, weekStart.AddDays(7));
            if (name == "末") return (weekStart.AddDays(5), weekStart.AddDays(7));
            var offset = "一二三四五六日".IndexOf(name[0]) is var i and >= 0 ? i : name is "天" ? 6 : int.Parse(name) - 1;
            var date = weekStart.AddDays(offset);
            // A bare "周三" said on Thursday means the coming one.
            if (week.Groups["which"].Value == "" && date < today) date = date.AddDays(7);
            return OneDay(date);
        }

        var nextMonth = NextMonthDate().Match(day);
        if (nextMonth.Success && ChineseNumber.Parse(nextMonth.Groups["d"].Value) is { } nextDom)
        {
            var first = FirstOfMonth(today).AddMonths(1);
            return nextDom >= 1 && nextDom <= DateTime.DaysInMonth(first.Year, first.Month) ? OneDay(first.AddDays(nextDom - 1)) : null;
        }

        var date2 = Date().Match(day);
        if (date2.Success && ChineseNumber.Parse(date2.Groups["d"].Value) is { } dom and >= 1 and <= 31)
        {
            var month = date2.Groups["m"].Success ? ChineseNumber.Parse(date2.Groups["m"].Value) : null;
            if (month is < 1 or > 12) return null;
            var year = today.Year;
            if (month is { } mm)
            {
                // "1月5号" said in November means next January; a date a few weeks back is a mistake the dialog re-asks.
                if (mm < today.Month - 2) year++;
            }
            else
            {
                month = dom < today.Day ? today.Month + 1 : today.Month;
                if (month > 12) (month, year) = (1, year + 1);
            }
            if (dom > DateTime.DaysInMonth(year, month!.Value)) return null;
            return OneDay(new DateTime(year, month.Value, dom));
        }
        return null;
    }

    private static (DateTime, DateTime) Narrow((DateTime Start, DateTime End) day, string part, string hour)
    {
        var (from, to) = part switch
        {
            "早上" or "早晨" or "一早" => (6, 9),
            "上午" => (8, 12),
            "中午" => (11, 14),
            "下午" => (13, 18),
            "傍晚" => (17, 19),
            "晚上" or "晚" or "夜里" or "夜" => (18, 23),
            "凌晨" => (0, 6),
            "白天" => (8, 18),
            _ => (-1, -1),
        };
        if (hour != "" && HourOf(hour) is { } h)
        {
            var half = hour.Contains('半') || hour.EndsWith(":30", StringComparison.Ordinal);
            if (from >= 12 && h < 12) h += 12;
            var start = day.Start.AddHours(h).AddMinutes(half ? 30 : 0);
            return (start, start.AddHours(1));
        }
        return from < 0 || day.End - day.Start != TimeSpan.FromDays(1) ? day : (day.Start.AddHours(from), day.Start.AddHours(to));
    }

    private static int? HourOf(string hour)
    {
        var digits = hour.Split('点', ':')[0];
        return ChineseNumber.Parse(digits) is { } h and >= 0 and <= 23 ? h : null;
    }

    private DateTimeOffset At(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), time.LocalTimeZone.GetUtcOffset(local));

    private static (DateTime, DateTime) OneDay(DateTime date) => (date, date.AddDays(1));

    private static DateTime FirstOfMonth(DateTime d) => new(d.Year, d.Month, 1);

    private static DateTime LastDayOfMonth(DateTime d) => FirstOfMonth(d).AddMonths(1).AddDays(-1);

    private const string Num = @"(?:\d{1,2}|[一二三四五六七八九十两]{1,3})";

    [GeneratedRegex(
        @"(?:(?<day>明后天|大后天|后天|今天之内|今天|今儿个|今儿|明天|明儿个|明儿|今晚|明晚|今早|明早|今夜|这两天|这几天|过两天|过几天|下个?月初|下个?月" + Num + @"(?:号|日)|下个?月|月底|月初"
        + @"|(?:下下|下个|下|这个?|本)(?:周|星期|礼拜)[一二三四五六日天末1-7]?|(?<![一二三四五六七八九十两每\d])(?:周|星期|礼拜)[一二三四五六日天末1-7]"
        + @"|" + Num + @"月" + Num + @"(?:号|日)?|(?<![路街巷道村庄屯组院区苑园楼室排户镇乡里弄\dA-Za-z一二三四五六七八九十])" + Num + @"(?:号|日)(?![楼院线床房室门宿车窗厂]))"
        + @"(?<part>上午|下午|中午|晚上|早上|早晨|一早|傍晚|夜里|凌晨|白天)?"
        + @"(?<hour>" + Num + @"(?:点半?|点钟|:[0-5]\d))?"
        + @"|(?<part>上午|下午|中午|晚上|早上|傍晚)(?<hour>" + Num + @"(?:点半?|点钟|:[0-5]\d)))"
        + @"(?<before>之前|以前|前|之内|以内|内)?")]
    private static partial Regex Expression();

    // "周六周日", "周六或者周日": either day will do, so the window spans both.
    [GeneratedRegex(@"\G\s*(?:到|至|~|-|—|或者?|和|跟|、|，|,)?\s*")]
    private static partial Regex RangeEnd();

    [GeneratedRegex(@"(?:腊月|正月|冬月|农历[一二三四五六七八九十冬腊正]{1,2}月)(?:初[一二三四五六七八九十]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十|十[一二三四五六七八九]?)?(?:以后|之后|以前|之前|前|后)?"
        + @"|(?:春节|过年|中秋|国庆|元旦|端午|寒假|暑假|开学)(?:以前|以后|之前|之后|前|后|期间)"
        + @"|每(?:个)?(?:周|星期|礼拜)[一二三四五六日天1-7](?:上午|下午|中午|晚上|早上)?|每天(?:上午|下午|中午|晚上|早上)")]
    private static partial Regex Unresolved();

    [GeneratedRegex(@"^(?<which>下下|下个|下|这个|这|本)?(?:周|星期|礼拜)(?<d>[一二三四五六日天末1-7]?)$")]
    private static partial Regex WeekDay();

    [GeneratedRegex(@"^(?:(?<m>" + Num + @")月)?(?<d>" + Num + @")(?:号|日)?$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^下个?月(?<d>" + Num + @")(?:号|日)$")]
    private static partial Regex NextMonthDate();
}
