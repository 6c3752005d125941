namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>紧急 when the text is clearly urgent (住院, 摔倒, 马上…), 一般 when it says it is not; otherwise nothing.</summary>
public sealed class UrgencyExtractor(IReadOnlyList<string> urgentWords, IReadOnlyList<string> notUrgentWords) : ISlotExtractor
{
    public string Slot => SlotNames.Urgency;

    public SlotMatch? Extract(string text)
    {
        // Checked first because 不急 contains 急.
        if (notUrgentWords.Any(w => text.Contains(w, StringComparison.Ordinal))) return new SlotMatch(SlotNames.NotUrgent);
        if (urgentWords.Any(w => text.Contains(w, StringComparison.Ordinal))) return new SlotMatch(SlotNames.Urgent);
        return text.Trim() is "一般" or "普通" ? new SlotMatch(SlotNames.NotUrgent) : null;
    }
}
