using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Recognizes corrections ("电话写错了，是139…", "不是我妈是我爸", "地址改成…") and reads the new values.</summary>
public sealed partial class Corrections(SlotAnswers answers)
{
    private static readonly (string Slot, string[] Words)[] Targets =
    [
        (SlotNames.Phone, ["电话", "手机", "号码", "联系方式"]),
        (SlotNames.Address, ["地址", "住址", "门牌"]),
        (SlotNames.City, ["城市", "地方", "区县", "哪个市"]),
        (SlotNames.When, ["时间", "日期", "哪天", "几号"]),
        (SlotNames.Urgency, ["紧急程度", "急不急"]),
        (SlotNames.Relation, ["需要帮助的人", "是谁"]),
    ];

    public static bool IsCorrection(string text) => Marker().IsMatch(text);

    /// <summary>The slot a bare label names ("电话", "地址"), for "修改 → 改哪一项？".</summary>
    public static string? NamedSlot(string text) =>
        Targets.FirstOrDefault(t => t.Words.Any(w => text.Contains(w, StringComparison.Ordinal))).Slot;

    /// <param name="current">What the request holds so far: a new value no extractor reads ("算了还是一个礼拜来三回吧")
    /// replaces the answer it shares most words with.</param>
    /// <returns>New slot values, possibly empty when nothing could be read.</returns>
    public Dictionary<string, SlotMatch> Read(string text, IReadOnlyDictionary<string, string>? current = null)
    {
        var read = ReadNamed(text);
        if (read.Count > 0 || current is null) return read;
        var value = NewValue(text).TrimEnd('吧', '啊', '呀', '。', '.');
        var bigrams = Bigrams(value);
        var like = current.Where(s => s.Key is not (SlotNames.Description or SlotNames.Phone))
            .Select(s => (s.Key, Shared: Bigrams(s.Value).Count(bigrams.Contains)))
            .Where(s => s.Shared >= 2).OrderByDescending(s => s.Shared).FirstOrDefault();
        return like.Key is null || current[like.Key] == value ? [] : new() { [like.Key] = new SlotMatch(value) };
    }

    private static HashSet<string> Bigrams(string text) =>
        Enumerable.Range(0, Math.Max(0, text.Length - 1)).Select(i => text.Substring(i, 2)).ToHashSet(StringComparer.Ordinal);

    private Dictionary<string, SlotMatch> ReadNamed(string text)
    {
        // "电话改成139…，时间改成后天上午": each part that names its own field is read on its own.
        var parts = Pause().Split(text).Where(p => p.Trim().Length > 0).ToList();
        if (parts.Count > 1 && parts.Select(NamedSlot).OfType<string>().Distinct().Count() > 1)
        {
            var all = new Dictionary<string, SlotMatch>();
            foreach (var part in parts)
                foreach (var (slot, match) in ReadPart(part)) all[slot] = match;
            return all;
        }
        return ReadPart(text);
    }

    private Dictionary<string, SlotMatch> ReadPart(string text)
    {
        var tail = NewValue(text);
        var target = NamedSlot(text);
        if (target is not null)
        {
            // The label itself is not a value: "紧急程度" alone contains 急 but says nothing new.
            var value = WithoutLabels(tail);
            if (value.Length == 0) return [];
            // "地址改成相公庄镇王家村东头第三户": the whole new address, not the part the extractor recognizes.
            var match = target == SlotNames.Address && answers.Lenient(target, value) is not null ? new SlotMatch(value.TrimEnd('。', '.'))
                : answers.Strict(target, value) ?? (target == SlotNames.City ? answers.Lenient(target, value) : null);
            return match is null ? [] : new() { [target] = match };
        }
        var found = new Dictionary<string, SlotMatch>();
        foreach (var slot in new[] { SlotNames.Phone, SlotNames.Relation, SlotNames.City, SlotNames.Address, SlotNames.When, SlotNames.Urgency })
        {
            if (answers.Strict(slot, tail) is { } m) found[slot] = m;
        }
        return found;
    }

    private static string WithoutLabels(string text) =>
        Targets.SelectMany(t => t.Words).Aggregate(text, (rest, word) => rest.Replace(word, "")).Trim(' ', ',', '：', ':');

    /// <summary>What a correction says instead, the old value dropped: "不是维修 是俺爹要去医院" → "俺爹要去医院".</summary>
    public static string Instead(string text) => NewValue(text);

    // The value said wrong is dropped wherever it stands: "不是我妈是我爸" and "是俺娘 不是俺爹" both leave the mother;
    // "下周二 不对 下周三" keeps what follows the last "wrong" marker; "电话写错了，是139…" what follows the last 是.
    private static string NewValue(string text)
    {
        var rest = Negated().Replace(text, " ");
        var after = Wrong().Matches(rest).LastOrDefault() is { } wrong ? rest[(wrong.Index + wrong.Length)..] : "";
        if (after.Trim(' ', ',', '，', '。', '：', ':').Length > 0) rest = after;
        var m = Tail().Match(rest);
        var value = m.Success && m.Groups["v"].Value.Trim().Length > 0 ? m.Groups["v"].Value : rest;
        return value.Trim(' ', ',', '，', '。');
    }

    [GeneratedRegex(@"[，,；;。]|\s+(?=\S{2,}(?:改成|改为|换成))|\s+(?=(?:电话|手机|号码|地址|住址|时间|日期|城市)(?:是|写|：|:))|还有|另外|再把")]
    private static partial Regex Pause();

    // "地址错了 是4号楼" and "不是明天 后天" correct as "写错了" and "不是…是…" do; so does "明天不行 改后天".
    [GeneratedRegex(@"改成|改为|换成|改到|改在|写错|说错|打错|弄错|搞错|记错|(?<![没不])错了|更正|应该是|不是.{1,12}是|是.{1,12}不是.{1,12}$|^不是[^，,。\s]{1,12}[，,\s]+\S|不对|不行[，,\s]+\S|不方便[，,\s]+\S|^算了[，, ]*还是")]
    private static partial Regex Marker();

    // "不是俺爹" up to the next 是 or pause: the old value, named to be replaced.
    [GeneratedRegex(@"不是(?:(?!是|，|,|。|\s).)+")]
    private static partial Regex Negated();

    [GeneratedRegex(@"(?:写|说|打|弄|搞|记)错了?|(?<![没不])错了|不对|不行|不方便")]
    private static partial Regex Wrong();

    [GeneratedRegex(@"(?:改成|改为|换成|改到|改在|应该是|是|^\s*改)(?<v>(?:(?!改成|改为|换成|改到|改在|应该是|是).)+)$")]
    private static partial Regex Tail();
}
