using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>The triage taxonomy from knowledge/taxonomy.yaml: categories, slots and the classifier's vocabulary.</summary>
public sealed class Taxonomy
{
    private static readonly string[] KnownSlots = ["phone", "relation", "city", "address", "when", "urgency", "description"];

    private Taxonomy(TaxonomyDocument doc)
    {
        Hotline = string.IsNullOrWhiteSpace(doc.Hotline) ? throw Invalid("hotline is missing") : doc.Hotline;
        Slots = KnownSlots.ToDictionary(name => name, name => doc.Slots.TryGetValue(name, out var s)
            ? new SlotDefinition(name, s.Label, s.Prompt, s.Example, s.Why)
            : throw Invalid($"slot '{name}' is not described"));
        Categories = doc.Categories.Select(ToCategory).ToList();
        if (Categories.Count == 0) throw Invalid("no categories");
        var duplicate = Categories.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw Invalid($"category '{duplicate.Key}' is defined twice");
        if (doc.Departments.Count > 0 && Categories.FirstOrDefault(c => !doc.Departments.Contains(c.Department)) is { } stray)
            throw Invalid($"category '{stray.Code}' routes to '{stray.Department}', which is not in departments");

        RequestCues = new WeightedCues(doc.Intent.RequestCues, doc.Intent.RequestPatterns);
        QuestionCues = new WeightedCues(doc.Intent.QuestionCues, doc.Intent.QuestionPatterns);
        StatusCues = new WeightedCues(new Dictionary<string, double>(), doc.Intent.StatusPatterns);
        StaffCues = new WeightedCues(new Dictionary<string, double>(), doc.Intent.StaffPatterns);
        RatingCues = new WeightedCues(new Dictionary<string, double>(), doc.Intent.RatingPatterns);
        Places = new PlaceDirectory(BuildPlaces(doc.Places), doc.Places.WorkplaceAfter, doc.Places.WorkplaceBefore);
        RelationWords = doc.Relations.Words
            .SelectMany(r => r.Value.Select(word => (word, relation: r.Key)))
            .ToDictionary(x => x.word, x => x.relation);
        RelationNeedWords = doc.Relations.NeedAfter;
        RelationBackgroundWords = doc.Relations.BackgroundAfter;
        OtherPeople = Pattern(doc.Relations.OtherPeople);
        HouseholdWords = doc.Relations.HouseholdWords;
        SelfPatterns = doc.Relations.SelfPatterns;
        UrgentWords = doc.Urgency.Urgent;
        NotUrgentWords = doc.Urgency.Normal;
        Danger = ToDanger(doc.Danger);
    }

    public string Hotline { get; }
    public IReadOnlyList<CategoryDefinition> Categories { get; }
    public IReadOnlyDictionary<string, SlotDefinition> Slots { get; }
    public WeightedCues RequestCues { get; }
    public WeightedCues QuestionCues { get; }
    /// <summary>Asking after a request already made.</summary>
    public WeightedCues StatusCues { get; }
    /// <summary>Staff working tickets.</summary>
    public WeightedCues StaffCues { get; }
    /// <summary>A verdict on a service that was done.</summary>
    public WeightedCues RatingCues { get; }
    /// <summary>Departments in the order categories first name them.</summary>
    public IReadOnlyList<string> Departments => Categories.Select(c => c.Department).Distinct().ToList();
    public PlaceDirectory Places { get; }
    public IReadOnlyDictionary<string, string> RelationWords { get; }
    public IReadOnlyList<string> RelationNeedWords { get; }
    public IReadOnlyList<string> RelationBackgroundWords { get; }
    /// <summary>People named by surname (老王, 小刘): 其他.</summary>
    public System.Text.RegularExpressions.Regex OtherPeople { get; }
    /// <summary>A household's or a property's need, about nobody (宿舍, 食堂, 宅基地, 房子).</summary>
    public IReadOnlyList<string> HouseholdWords { get; }
    public IReadOnlyList<string> SelfPatterns { get; }
    public IReadOnlyList<string> UrgentWords { get; }
    public IReadOnlyList<string> NotUrgentWords { get; }
    public DangerRules Danger { get; }

    public static Taxonomy Load(string path) => Parse(File.ReadAllText(path));

    public static Taxonomy Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        var doc = deserializer.Deserialize<TaxonomyDocument?>(yaml) ?? throw Invalid("the file is empty");
        return new Taxonomy(doc);
    }

    public CategoryDefinition? Find(string? code) => Categories.FirstOrDefault(c => c.Code == code);

    public CategoryDefinition Get(string code) => Find(code) ?? throw new KeyNotFoundException($"Unknown category '{code}'.");

    private static CategoryDefinition ToCategory(CategoryDocument c)
    {
        if (string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Department))
            throw Invalid($"category '{c.Code}' needs a code and a department");
        if (c.FirstContactHours <= 0) throw Invalid($"category '{c.Code}' needs first_contact_hours");
        var unknown = c.Required.Concat(c.Optional).FirstOrDefault(s => !KnownSlots.Contains(s));
        if (unknown is not null) throw Invalid($"category '{c.Code}' uses unknown slot '{unknown}'");
        var relation = c.Relation switch
        {
            null => RelationRule.Anyone,
            "nobody" => RelationRule.Nobody,
            "asked_for" => RelationRule.AskedFor,
            _ => throw Invalid($"category '{c.Code}' has relation '{c.Relation}' (nobody or asked_for, or leave it out)"),
        };
        var normal = TimeSpan.FromHours(c.FirstContactHours);
        return new CategoryDefinition(
            c.Code, c.Name, c.Department, c.Required, c.Optional, normal,
            c.FirstContactUrgentHours is { } urgent ? TimeSpan.FromHours(urgent) : normal,
            c.Resolution.Days, c.Resolution.WorkingDays,
            new WeightedCues(c.Keywords, c.Patterns), relation);
    }

    private DangerRules ToDanger(DangerDocument d)
    {
        var kinds = d.Kinds.Select(k => Find(k.Category) is null
            ? throw Invalid($"danger kind '{k.Kind}' names unknown category '{k.Category}'")
            : new DangerKind(k.Kind, k.Category, k.Title, k.Say, Pattern(string.Join('|', k.Cues.Select(c => $"(?:{c})")))))
            .ToList();
        if (d.HarmFloor.FirstOrDefault(n => !d.Harm.ContainsKey(n)) is { } unknown)
            throw Invalid($"danger harm_floor names unknown sign '{unknown}'");
        if (d.HarmFloor.Count > 0 && kinds.All(k => k.Kind != "self_harm"))
            throw Invalid("danger harm_floor needs a self_harm kind");
        return new DangerRules(kinds, Pattern(d.Past), Pattern(d.Policy), Pattern(d.Immediate), Pattern(d.Now), d.CrisisLineQuery,
            Pattern(d.People), Pattern(d.Body), Pattern(d.Over), Pattern(d.Figurative), Pattern(d.Declines),
            Pattern(d.Self), Pattern(d.Habitual), [.. d.Harm.Select(h => new HarmSign(h.Key, Pattern(h.Value), d.HarmFloor.Contains(h.Key)))], Pattern(d.Calm),
            Pattern(d.Story))
        {
            FirstAid = [.. d.FirstAid.Select(f => new FirstAid(f.Say, Pattern(string.Join('|', f.Cues.Select(c => $"(?:{c})")))))],
        };
    }

    // An empty pattern must match nothing, not everything.
    private static System.Text.RegularExpressions.Regex Pattern(string pattern) =>
        new(string.IsNullOrWhiteSpace(pattern) ? "(?!)" : pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A county maps to "city + county" so that both how people name it and where it is are kept.
    private static Dictionary<string, string> BuildPlaces(PlacesDocument places)
    {
        var map = new Dictionary<string, string>();
        foreach (var (city, counties) in places.Shandong)
        {
            map[city] = city;
            foreach (var county in counties)
            {
                var shortName = county.Length > 2 && county.EndsWith('区') ? county[..^1] : county;
                var value = shortName == city ? city : city + shortName;
                map[county] = value;
                // 日照东港: after its city a county needs no suffix even when the bare name is a common word.
                var bare = county.Length > 2 && (county.EndsWith('区') || county.EndsWith('县')) ? county[..^1] : county;
                map.TryAdd(city + bare, value);
            }
        }
        foreach (var city in places.Other) map.TryAdd(city, city);
        return map;
    }

    private static InvalidDataException Invalid(string why) => new($"taxonomy.yaml: {why}.");
}
