using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>Who a need could be about: every person the message names (俺娘, 孩他爹, 工友…), the speaker, and nobody,
/// each described by its words, the characters around it, the trouble words after it, whether it is only background
/// ("俺男人在外地工地上") and the request's category, for the fitted chooser of "relation". The category's entry in the
/// taxonomy says whom its requests can be about at all.</summary>
public sealed partial class RelationCandidates(RelationExtractor rules, Taxonomy taxonomy)
{
    public const string Version = "relation-6";

    public IReadOnlyList<SlotCandidate> Build(string text, string? category)
    {
        var about = taxonomy.Find(category)?.Relation ?? RelationRule.Anyone;
        // A repair at home and a complaint are about a household or a service, not a person: nothing to choose.
        if (about == RelationRule.Nobody) return [];
        var hits = rules.Hits(text);
        // Aid for a household is about nobody in it, unless it is asked for someone ("给俺娘申请", "替我爸申请").
        var household = about == RelationRule.AskedFor;
        // "我爸…想给他申请": 他/她 stands for the first person the message named.
        var forFirst = hits.Count > 0 && AskedForPronoun().IsMatch(text);
        bool IsFor(int i) => AskedFor(text, hits[i].Index) || (forFirst && i == 0);
        if (household && !Enumerable.Range(0, hits.Count).Any(IsFor)) return [];
        var rule = rules.Extract(text)?.Value;
        var self = rules.SpeaksOfSelf(text, hits);
        var cat = "cat:" + (category ?? "?");
        var count = "n:" + Math.Min(hits.Select(h => h.Value).Distinct().Count(), 3);
        // A dormitory, the canteen, a house or land: the labelling rules give such needs nobody.
        var property = taxonomy.HouseholdWords.Any(w => text.Contains(w, StringComparison.Ordinal));
        List<string> none = ["none", "none&" + cat, "none&" + count, rule is null ? "none&norule" : "none&rule", self ? "none&selfpat" : "none&noself"];
        if (property) none.AddRange(["none&property", "none&property&" + cat]);
        var candidates = new List<SlotCandidate> { new(null, -1, "", none) };
        // The labelling rules give 本人 only when the text makes the sender the subject: "不想活了", "想找个人唠唠" name
        // nobody, and the person they are about is left unsaid.
        if (!household && (FirstPerson(text, hits) || hits.Any(h => h.Value == RelationExtractor.Self)))
        {
            var speaker = Speaker(text, hits, cat, count, rule, self);
            if (property) speaker.AddRange(["speaker&property", "speaker&property&" + cat]);
            candidates.Add(new(RelationExtractor.Self, -1, "", speaker));
        }
        for (var i = 0; i < hits.Count; i++)
        {
            var h = hits[i];
            var isFor = IsFor(i);
            if (household && !isFor) continue;
            var value = "v:" + h.Value;
            var f = new List<string> { "person", value, value + "&" + cat, "w:" + h.Word, count, value + "&" + count };
            if (i == 0) f.Add("firstnamed");
            if (i == hits.Count - 1) f.Add("lastnamed");
            if (hits.All(o => o.Value == h.Value)) f.Add("only");
            if (rule == h.Value) f.Add("rule");
            if (self) f.Add("selfpat");
            if (rules.IsBackground(text, h)) f.Add("background");
            if (IsOtherSide(text, h))
            {
                f.Add("otherside");
                f.Add("otherside&" + cat);
            }
            if (isFor)
            {
                f.Add("for");
                f.Add("for&" + cat);
            }
            if (property) f.AddRange(["property", "property&" + cat]);
            var segmentEnd = i + 1 < hits.Count ? hits[i + 1].Index : text.Length;
            var need = rules.NeedWords(text[h.End..segmentEnd]);
            f.Add("need:" + Math.Min(need, 3));
            f.Add("need:" + Math.Min(need, 3) + "&" + cat);

            f.AddRange(ContextFeatures.Around(text, h.Index, h.End));
            candidates.Add(new SlotCandidate(h.Value, h.Index, h.Word, f));
        }
        return candidates;
    }

    // 我 or 俺 not inside a named person (俺娘) and not 我们.
    private static bool FirstPerson(string text, IReadOnlyList<VocabularyHit> hits)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '我' or '俺' && !(i + 1 < text.Length && text[i + 1] == '们') && !hits.Any(h => i >= h.Index && i < h.End)) return true;
        }
        return false;
    }

    // "给俺娘", "替我爸", "帮俺公婆", "给俺们村的刘大娘": the one the asking is for.
    private static bool AskedFor(string text, int at) => AskedForBefore().IsMatch(text[Math.Max(0, at - 7)..at]);

    [GeneratedRegex("(?:给|替|为|帮)(?:俺|我|咱)?们?(?:家|村|队|班组)?的?$")]
    private static partial Regex AskedForBefore();

    // "跟邻居吵", "俺叔家把老宅子占了": the other side of a dispute, not the one needing help.
    private static bool IsOtherSide(string text, VocabularyHit hit) =>
        OtherSideBefore().IsMatch(text[Math.Max(0, hit.Index - 3)..hit.Index])
        || OtherSideAfter().IsMatch(text[hit.End..Math.Min(text.Length, hit.End + 10)]);

    [GeneratedRegex("(?:跟|与|告)(?:俺|我|他|她)?(?:家|们)?的?$")]
    private static partial Regex OtherSideBefore();

    [GeneratedRegex("^(?:家|们|几个|一家)?[^，。 ]{0,5}?(?:占|抢|霸|不让|不给|不还|非说|吵架|吵了|闹到|告(?!诉)|纠纷|矛盾)")]
    private static partial Regex OtherSideAfter();

    [GeneratedRegex("(?:给|替|为)(?:他|她)(?:们)?(?:申请|报|送|争取|办)")]
    private static partial Regex AskedForPronoun();

    // The speaker: 我/俺 as the subject of trouble or of the asking (我想报名, 俺失眠), with nobody else named for it;
    // weighed like a named person by the trouble words that follow it ("俺怀孕七个月了…陪着去").
    private List<string> Speaker(string text, IReadOnlyList<VocabularyHit> hits, string cat, string count, string? rule, bool self)
    {
        var f = new List<string> { "speaker", "speaker&" + cat, "speaker&" + count, self ? "speaker&selfpat" : "speaker&noself" };
        if (rule == RelationExtractor.Self) f.Add("speaker&rule");
        var firstPerson = 0;
        var need = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('我' or '俺') || (i + 1 < text.Length && text[i + 1] == '们')) continue;
            firstPerson++;
            f.Add("I:R1:" + ContextFeatures.CharAt(text, i + 1));
            f.Add("I:L1:" + ContextFeatures.CharAt(text, i - 1));
            if (hits.Any(h => i >= h.Index && i < h.End)) continue; // the 俺 of 俺娘 names someone else
            var next = hits.FirstOrDefault(h => h.Index > i);
            need = Math.Max(need, rules.NeedWords(text[(i + 1)..(next?.Index ?? text.Length)]));
        }
        f.Add("I:" + Math.Min(firstPerson, 3));
        f.Add("I:" + Math.Min(firstPerson, 3) + "&" + cat);
        f.Add("I:need:" + Math.Min(need, 3));
        f.Add("I:need:" + Math.Min(need, 3) + "&" + cat);
        return f;
    }
}
