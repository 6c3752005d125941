namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>紧急 only when the text clearly says so (急, 赶紧, 救命…); a short answer "一般"/"不急" to the urgency
/// question is 一般. A message that only says it is not urgent states nothing.</summary>
public sealed class UrgencyExtractor(IReadOnlyList<string> urgentWords, IReadOnlyList<string> notUrgentWords) : ISlotExtractor
{
    private const int ShortAnswer = 6;

    public string Slot => SlotNames.Urgency;

    public SlotMatch? Extract(string text)
    {
        var trimmed = text.Trim().TrimEnd('。', '.', '!', '！');
        if (trimmed is "一般" or "普通" || (trimmed.Length <= ShortAnswer && notUrgentWords.Any(w => trimmed.Contains(w, StringComparison.Ordinal))))
            return new SlotMatch(SlotNames.NotUrgent);
        // Words that cancel an urgent word (不急 contains 急) are blanked before looking for one.
        var rest = notUrgentWords.Aggregate(text, (t, w) => t.Replace(w, "　", StringComparison.Ordinal));
        return urgentWords.Any(w => rest.Contains(w, StringComparison.Ordinal)) ? new SlotMatch(SlotNames.Urgent) : null;
    }
}
