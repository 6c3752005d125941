using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>Who needs help: 本人/父亲/母亲/配偶/子女/岳父母/公婆/其他, from how people name them (俺娘, 老爷子, 孩子他妈…).</summary>
public sealed partial class RelationExtractor : ISlotExtractor
{
    public const string Self = "本人";
    public const string Other = "其他";
    private readonly VocabularyScanner _scanner;
    private readonly IReadOnlyList<string> _needWords;
    private readonly IReadOnlyList<Regex> _selfPatterns;
    private readonly IReadOnlyList<string> _backgroundWords;
    private readonly Regex? _otherPeople;

    public RelationExtractor(IReadOnlyDictionary<string, string> words, IReadOnlyList<string> needWords, IReadOnlyList<string> selfPatterns, IReadOnlyList<string>? backgroundWords = null, Regex? otherPeople = null)
    {
        _backgroundWords = backgroundWords ?? [];
        _otherPeople = otherPeople;
        _scanner = new VocabularyScanner(words);
        _needWords = needWords;
        _selfPatterns = selfPatterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToList();
    }

    public string Slot => SlotNames.Relation;

    public SlotMatch? Extract(string text)
    {
        var all = Hits(text);
        var speaksOfSelf = SpeaksOfSelf(text, all);
        // "俺男人在外地工地上": named only as where they are, unless trouble words follow too ("在工地上摔伤了").
        var hits = all.Where(h => !IsBackground(text, h)).ToList();
        if (hits.Count == 0) return speaksOfSelf ? new SlotMatch(Self) : null;

        // "媳妇打电话说我妈摔了": the one needing help is the person most trouble words follow; ties go to the first named.
        var best = hits[0];
        var bestCount = 0;
        for (var i = 0; i < hits.Count; i++)
        {
            var segmentEnd = i + 1 < hits.Count ? hits[i + 1].Index : text.Length;
            var segment = text[hits[i].End..segmentEnd];
            var count = NeedWords(segment);
            if (count > bestCount) (best, bestCount) = (hits[i], count);
        }
        // "媳妇跟我闹离婚 我心情不好": nobody named is in trouble, the speaker is.
        return new SlotMatch(bestCount == 0 && speaksOfSelf ? Self : best.Value);
    }

    /// <summary>The people a message names, in order: the vocabulary's words and people named by surname (老王), less
    /// a form's field labels ("服务对象：…"); a relative of someone else ("工友的孩子", "老孙的媳妇") is 其他.</summary>
    internal IReadOnlyList<VocabularyHit> Hits(string text)
    {
        var hits = _scanner.Scan(text).Where(h => !IsLabel(text, h)).ToList();
        if (_otherPeople is not null)
        {
            foreach (Match m in _otherPeople.Matches(text))
            {
                // "俺是老张", "我叫小刘": the speaker's own name.
                var named = m.Index > 0 && text[m.Index - 1] is '是' or '叫';
                if (!named && !hits.Any(h => h.Index < m.Index + m.Length && m.Index < h.End)) hits.Add(new VocabularyHit(m.Index, m.Value, Other));
            }
            hits.Sort((a, b) => a.Index.CompareTo(b.Index));
        }
        for (var i = 1; i < hits.Count; i++)
        {
            if (hits[i].Value != Other && hits[i - 1].Value == Other && OfThePersonBefore(text, hits[i - 1], hits[i])) hits[i] = hits[i] with { Value = Other };
        }
        return hits;
    }

    // "服务对象：…" names a field; "本人：…" and "母亲：…" at the start of a line name the person.
    private static bool IsLabel(string text, VocabularyHit hit) =>
        hit.End < text.Length && text[hit.End] is '：' or ':' && hit.Index > 0 && char.IsLetter(text[hit.Index - 1]);

    // "工友的孩子", "老孙的媳妇", "小孙家的娘": the second belongs to the first.
    private static bool OfThePersonBefore(string text, VocabularyHit before, VocabularyHit hit) =>
        text[before.End..hit.Index] is "的" or "家" or "家的" or "他" or "他的" or "她" or "她的";

    internal bool SpeaksOfSelf(string text, IReadOnlyList<VocabularyHit> hits) => _selfPatterns.Any(p => p.IsMatch(Masked(text, hits)));

    /// <summary>How many words of trouble or need ("住院", "照顾", "上学") a stretch of text has.</summary>
    internal int NeedWords(string segment) => _needWords.Count(w => segment.Contains(w, StringComparison.Ordinal));

    internal bool IsBackground(string text, VocabularyHit hit)
    {
        // "用俺儿的手机", "打俺闺女电话", "电话打俺儿子的吧": whose number it is, not who needs help.
        if (PhoneOwner().IsMatch(text[hit.End..]) || (hit.Index > 0 && text[hit.Index - 1] is '用' or '打' && Owns().IsMatch(text[hit.End..]))) return true;
        var after = text[hit.End..Math.Min(text.Length, hit.End + 12)];
        var cut = after.IndexOfAny(['，', ',', '。', ' ']);
        var clause = cut < 0 ? after : after[..cut];
        var where = WhereClause().Match(clause);
        return (_backgroundWords.Any(w => clause.StartsWith(w, StringComparison.Ordinal) || clause.StartsWith("都" + w, StringComparison.Ordinal) || clause.StartsWith("也" + w, StringComparison.Ordinal))
                // "在新疆工地上", "在咱集团烟台项目上": a place between 在 and the workplace word.
                || (where.Success && _backgroundWords.Any(w => w.StartsWith('在') && IsPlaceBefore(where.Groups["rest"].Value, w[1..]))))
            && !_needWords.Any(w => clause.Contains(w, StringComparison.Ordinal));
    }

    // "在家等你们来" is at home, not away: nothing of home before the workplace word.
    private static bool IsPlaceBefore(string rest, string workplace) =>
        rest.IndexOf(workplace, StringComparison.Ordinal) is var i and >= 0 && !rest[..i].Contains('家');

    // One character may stand between: the vocabulary's 俺儿 ends inside 俺儿子的手机.
    [GeneratedRegex(@"^(\p{IsCJKUnifiedIdeographs}?的)?(手机|电话|号)")]
    private static partial Regex PhoneOwner();

    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}?的")]
    private static partial Regex Owns();

    [GeneratedRegex(@"^(?:都|也|常年|长年|一直)?在(?<rest>.{1,8})")]
    private static partial Regex WhereClause();

    // The 俺 of 俺爹 is not the speaker talking about themselves.
    private static string Masked(string text, IReadOnlyList<VocabularyHit> hits)
    {
        var chars = text.ToCharArray();
        foreach (var hit in hits) Array.Fill(chars, '*', hit.Index, hit.Word.Length);
        return new string(chars);
    }
}
