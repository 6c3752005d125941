using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Ranking;

/// <summary>A question that asks for a number (多少钱, 几天, 多久) is not answered when the best clause found does not
/// state one in what was asked: a clause on the same subject with no number in it (…的标准由各单位确定), or with a number of
/// something else (慰问金500元 for 陪产假能休几天), does not say how much or how long; given as the answer it would read
/// as one, so the clauses are offered as related instead.</summary>
public static partial class AskedNumber
{
    /// <summary>What a clause that asks (<see cref="AskingClause.Asking"/>) asks a number of: the unit after 多少 or 几
    /// (钱, 天, 个月), "久" for 多久 or 多长, "%" for 百分之几, "电话" for 电话多少, "" for a number of any kind (多少
    /// alone at the end); null when the question asks for none. The background's numbers (好几万, 几次介绍工作), a
    /// yes/no question (能多载几个吗) and a count of kinds (几种, 几个部门: answered by naming them) do not ask for one.</summary>
    public static string? Asked(string normalizedQuestion)
    {
        var clauses = AskingClause.Split(normalizedQuestion);
        var asking = AskingClause.Asking(normalizedQuestion);
        for (var i = 0; i < clauses.Count; i++)
        {
            if (asking[i] && !clauses[i].EndsWith('吗') && Quantity().Match(clauses[i]) is { Success: true } match
                && !Indefinite().IsMatch(clauses[i].AsSpan(0, match.Index)) && !Chooses(clauses, i))
            {

                return match.Groups["unit"].Success ? match.Groups["unit"].Value
                    : match.Value is "多久" or "多长" ? "久"
                    : clauses[i].AsSpan(0, match.Index).EndsWith("百分之", StringComparison.Ordinal) ? "%"
                    : PhoneWord().IsMatch(clauses[i][..match.Index]) ? Phone : "";
            }
        }
        return null;
    }

    /// <summary>Whether the number asked (<see cref="Asked"/>) follows another question asked first, and that is the
    /// question, the number a second one, so a clause that answers the first answers the message even when it states no
    /// number: a yes or no ("还能申请困难救助吗？要是能，审批大概多久"), or a kind of answer the clause gives ("要交啥材料？
    /// 多久能批下来" and a clause that lists the papers; <see cref="AnswerTypes"/>). "在哪" asks for an office or a place
    /// (<see cref="AnswerType.Agency"/>): a clause that names none ("送达拘留所执行") does not answer it, and the
    /// decline stands.</summary>
    /// <param name="clause">The best clause's text.</param>
    public static bool AskedAfterAnotherQuestion(string normalizedQuestion, string clause)
    {
        var clauses = AskingClause.Split(normalizedQuestion);
        var asking = AskingClause.Asking(normalizedQuestion);
        bool Other(string c) => YesOrNo().IsMatch(c) || WhatWhoHow().IsMatch(c);
        var first = Enumerable.Range(0, clauses.Count).FirstOrDefault(i => asking[i] && (Other(clauses[i]) || Quantity().IsMatch(clauses[i])), -1);
        if (first < 0 || Quantity().IsMatch(clauses[first]) || Asked(string.Join('，', clauses.Skip(first + 1))) is null) return false;
        return YesOrNo().IsMatch(clauses[first])
            || (AnswerTypes.Asked(clauses[first]) is var kind && kind != AnswerType.None && AnswerTypes.Present(clause, kind) != AnswerType.None);
    }

    [GeneratedRegex("啥|什么|哪|怎么|咋|谁|如何|怎样")]
    private static partial Regex WhatWhoHow();

    // "是村干部几个人商量定了就行，还是得全体村民开会讨论": a choice between two ways, not a number.
    private static bool Chooses(IReadOnlyList<string> clauses, int i) =>
        clauses.Skip(i).Any(c => c.Contains("还是", StringComparison.Ordinal));

    /// <summary>What <see cref="Asked"/> returns for a number to dial (电话多少, 热线号码是多少).</summary>
    public const string Phone = "电话";

    /// <summary>Whether the text states a number: digits, or a Chinese numeral with a unit or a measure word.</summary>
    public static bool Stated(string text) => Number().IsMatch(text);

    /// <summary>Whether the text states a number of what was asked (<see cref="Asked"/>), as documents write it: money in
    /// 元, as a share (百分之八十, 75%) or a multiple of pay (2倍, 6个月工资); a time in the same or a near unit (几天 in
    /// 15个工作日, 多久 in any span). A unit with no such list takes any number.</summary>
    public static bool Stated(string text, string unit) =>
        Written.TryGetValue(unit, out var written) ? written.IsMatch(text) : Stated(text);

    private const string Numeral = @"(?:[0-9０-９]+(?:\.[0-9]+)?[万千百]?|[零一二三四五六七八九十百千万两半]+)\s*个?多?";

    private static Regex Of(string units) => new($"{Numeral}(?:{units})", RegexOptions.CultureInvariant);

    // A month is money only as months of pay (6个月): "11月15日" is a date.
    private static readonly Regex Money = new($"{Numeral}(?:元|块|倍)|[0-9０-９零一二三四五六七八九十两半]+个月|百分之|[0-9０-９]\\s*[%％]",
        RegexOptions.CultureInvariant);
    // 百分之几 and 几成 ask for a share: a clause with a sum or a fine in it does not say what share.
    private static readonly Regex Share = new(@"百分之[零一二三四五六七八九十百点]+|[0-9０-９]\s*[%％‰]|[一二三四五六七八九十]成",
        RegexOptions.CultureInvariant);
    // 电话多少 asks for a number to dial: a clause with a sum in it does not give one.
    private static readonly Regex PhoneNumber = new(@"[0-9０-９]{3,4}[-－][0-9０-９]{7,8}|(?<![0-9.])[0-9]{5,}(?![0-9.]*\s*(?:元|万|人|户|次|个|%|％))|(?:拨打|电话|热线|号码)\D{0,6}[0-9]{3,}",
        RegexOptions.CultureInvariant);
    private static readonly Regex Days = Of("天|日|工作日|周|星期|月");
    private static readonly Regex Span = Of("天|日|工作日|周|星期|月|年|小时|分钟|学时|课时");

    // 多久 (一次) is also answered by how often, with no numeral: 每季度开展一次, 每月走访.
    private static readonly Regex SpanOrFrequency = new($"{Span}|每个?(?:天|日|周|星期|礼拜|月|季度|季|年|半年|学期|学年)",
        RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, Regex> Written = new(StringComparer.Ordinal)
    {
        ["钱"] = Money, ["元"] = Money, ["块"] = Money, ["万"] = Money,
        ["天"] = Days, ["日"] = Days, ["工作日"] = Days, ["周"] = Days, ["星期"] = Days,
        ["%"] = Share, ["成"] = Share, [Phone] = PhoneNumber,
        ["月"] = Span, ["年"] = Of("年|岁|周岁|月"), ["岁"] = Of("岁|周岁"), ["小时"] = Of("小时|分钟|时|学时|课时"), ["久"] = SpanOrFrequency,
    };

    [GeneratedRegex(@"(?<![好十没哪这那几])(多少|几)(?=个?(?<unit>钱|元|块|天|日|年|月|周|星期|小时|分钟|分|岁|次|倍|成|级|人|公斤|斤|平|公里|点|号|万|千|百|十|工作日)|$)|多大|多长|多久|多高|多远|多重")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"[吗不没]$|能不能|可不可以|是不是|有没有|算不算|是否|能否")]
    private static partial Regex YesOrNo();

    // After a negation 几 and 多少 are "a few", "much": 没念过几天书, 工钱没给多少. 有没有 asks.
    [GeneratedRegex(@"(?<!有)没有?\p{IsCJKUnifiedIdeographs}{0,2}过?$")]
    private static partial Regex Indefinite();

    /// <summary>Whether a word names a number to dial (电话, 热线): no subject of its own.</summary>
    public static bool NamesPhone(string word) => PhoneWord().IsMatch(word);

    [GeneratedRegex("电话|号码|热线|手机号")]
    private static partial Regex PhoneWord();

    [GeneratedRegex(@"[0-9０-９]|[一二三四五六七八九十两半百千万]+(个|周|日|天|年|月|元|块|人|次|小时|时|点|公斤|分|岁|倍|成|级|批|名|项|学时|工作日|平方米|公里|星期)|百分之")]
    private static partial Regex Number();
}
