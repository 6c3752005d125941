using System.Text.RegularExpressions;

namespace HuaXin.Bot.Knowledge.Answering;

/// <summary>Finds the articles of the same document a text leans on ("在第四条标准基础上", "依照本办法第六条"), so an
/// answer can carry what they say. References to another law ("《劳动法》第四条", "劳动合同法第十条") are not ours.</summary>
internal static partial class ClauseReferences
{
    [GeneratedRegex("第[一二三四五六七八九十百千零〇两0-9０-９]+条")]
    private static partial Regex Article();

    // What may stand between two articles of one list ("第四条、第五条", "第四条至第六条"): they share the first one's document.
    [GeneratedRegex("^(?:第[一二三四五六七八九十0-9]+款)?(?:、|和|或|至|到|及|以及|或者)$")]
    private static partial Regex ListJoint();

    // A name that ends right before the article ("劳动法", "工伤保险条例") is another document's, unless it is 本法/本办法.
    [GeneratedRegex("(?:》|[法例定则度程]|办法)$")]
    private static partial Regex NamedDocument();

    [GeneratedRegex("本(?:法|办法|条例|规定|细则|制度|章程|准则|规则|实施办法)$")]
    private static partial Regex ThisDocument();

    /// <summary>The article labels the text refers to in its own document, in order of first mention, without
    /// <paramref name="own"/> (a clause naming itself).</summary>
    public static IReadOnlyList<string> SameDocument(string text, string own)
    {
        var found = new List<string>();
        var previousEnd = -1;
        var previousOurs = false;
        foreach (Match match in Article().Matches(text))
        {
            var before = text[..match.Index];
            var ours = previousEnd >= 0 && ListJoint().IsMatch(text[previousEnd..match.Index])
                ? previousOurs
                : ThisDocument().IsMatch(before) || !NamedDocument().IsMatch(before);
            if (ours && match.Value != own && !found.Contains(match.Value))
            {
                found.Add(match.Value);
            }
            (previousEnd, previousOurs) = (match.Index + match.Length, ours);
        }
        return found;
    }
}
