namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>The situation in the user's own words: the message itself, so nothing they said is lost.</summary>
public sealed class DescriptionExtractor : ISlotExtractor
{
    private const int MaxLength = 500;

    public string Slot => SlotNames.Description;

    public SlotMatch? Extract(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return null;
        return new SlotMatch(trimmed.Length > MaxLength ? trimmed[..MaxLength] : trimmed);
    }
}
