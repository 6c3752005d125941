using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Conversation;

/// <summary>Reads a reply to a slot prompt: strictly with the extractor, or leniently when the reply still plainly
/// answers the prompt (a place not in the list, "越快越好" for when) — but never a sentence about something else.</summary>
public sealed partial class SlotAnswers(SlotExtractors extractors)
{
    private const int MaxFreeText = 60;

    public SlotMatch? Strict(string slot, string text) => extractors[slot].Extract(text);

    public SlotMatch? Lenient(string slot, string text)
    {
        if (Strict(slot, text) is { } match) return match;
        var trimmed = text.Trim().TrimEnd('。', '.');
        if (trimmed.Length is 0 or > MaxFreeText) return null;
        var accepted = slot switch
        {
            SlotNames.City => PlaceName().IsMatch(trimmed),
            // A phone number typed at the address question is the number, not the address.
            SlotNames.Address => AddressLike().IsMatch(trimmed) && PhoneExtractor.Mobile(trimmed) is null,
            SlotNames.Description => true,
            SlotNames.When => VagueTime().IsMatch(trimmed),
            SlotNames.Relation => trimmed.Length <= 6 && !trimmed.Contains('?'),
            _ => false,
        };
        if (!accepted) return null;
        // Someone outside the known relation words (e.g. 干娘) is still someone.
        return new SlotMatch(slot == SlotNames.Relation ? RelationExtractor.Other : trimmed);
    }

    // Pronouns and verbs mean a sentence ("你们多久能联系我"), not a place.
    [GeneratedRegex(@"^(?!.*(我|你|他|她|们|吗|啥|什么|多久|怎么|联系|想|帮|要|不|了|能))[\p{IsCJKUnifiedIdeographs}]{2,10}$")]
    private static partial Regex PlaceName();

    [GeneratedRegex(@"\d|村|区|县|镇|乡|路|街|小区|号|楼|庄|屯|社区|胡同|巷|组")]
    private static partial Regex AddressLike();

    // Kept as said; the dialect's parts of the day (头午 morning, 晌午头 noon, 过晌 afternoon) and seasons of the year too.
    [GeneratedRegex(@"尽快|越快越好|随时|都行|都可以|有空|工作日|周末|上午|下午|中午|晚上|白天|早上|傍晚|晌午|后晌|过晌|前晌|头午|傍黑|擦黑|上半天|下半天|过了年|过完年|年后|年前|开春|秋后")]
    private static partial Regex VagueTime();
}
