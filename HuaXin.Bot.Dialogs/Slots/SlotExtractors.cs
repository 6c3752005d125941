using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Slots;

/// <summary>All slot extractors, built from the taxonomy's vocabulary.</summary>
public sealed class SlotExtractors
{
    public SlotExtractors(Taxonomy taxonomy, TimeProvider time)
    {
        All =
        [
            new PhoneExtractor(),
            new RelationExtractor(taxonomy.RelationWords, taxonomy.RelationNeedWords, taxonomy.SelfPatterns, taxonomy.RelationBackgroundWords, taxonomy.OtherPeople),
            new CityExtractor(taxonomy.Places),
            new AddressExtractor(),
            new WhenExtractor(time),
            new UrgencyExtractor(taxonomy.UrgentWords, taxonomy.NotUrgentWords),
            new DescriptionExtractor(),
        ];
    }

    public IReadOnlyList<ISlotExtractor> All { get; }

    public ISlotExtractor this[string slot] => All.First(e => e.Slot == slot);

    /// <summary>Every slot the text states except the description (which only the first message sets).</summary>
    public Dictionary<string, SlotMatch> ExtractStated(string text) =>
        All.Where(e => e.Slot != SlotNames.Description)
            .Select(e => (e.Slot, match: e.Extract(text)))
            .Where(x => x.match is not null)
            .ToDictionary(x => x.Slot, x => x.match!);
}
