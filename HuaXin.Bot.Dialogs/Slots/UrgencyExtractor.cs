using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>紧急 only when the text clearly says so (急, 赶紧, 救命…); a short answer "一般"/"不急" to the urgency
/// question is 一般. A message that only says it is not urgent states nothing.</summary>
public sealed partial class UrgencyExtractor(IReadOnlyList<string> urgentWords, IReadOnlyList<string> notUrgentWords) : ISlotExtractor
{
    private const int ShortAnswer = 6;

    public string Slot => SlotNames.Urgency;

    public SlotMatch? Extract(string text)
    {
        var trimmed = text.Trim().TrimEnd('。', '.', '!', '！');
        var negated = Negated().IsMatch(trimmed);
        if (trimmed is "一般" or "普通" || (trimmed.Length <= ShortAnswer && notUrgentWords.Any(w => trimmed.Contains(w, StringComparison.Ordinal)))
            || (negated && Negated().Replace(trimmed, "").Length <= ShortAnswer))
            return new SlotMatch(SlotNames.NotUrgent);
        // Words that cancel an urgent word (不急 contains 急, 不是急事) are blanked before looking for one.
        var rest = notUrgentWords.Aggregate(Negated().Replace(text, "　"), (t, w) => t.Replace(w, "　", StringComparison.Ordinal));
        return urgentWords.Any(w => rest.Contains(w, StringComparison.Ordinal)) ? new SlotMatch(SlotNames.Urgent) : null;
    }

    // 不是急事, 不算紧急, 没那么急, 并不着急: an urgent word said not to hold.
    [GeneratedRegex(@"(?:不是|不算|并不|并没有|没有|没|不)(?:很|太|那么|特别|多|啥)?(?:紧急|着急|急)(?:事|的)?")]
    private static partial Regex Negated();
}
