namespace HuaXin.Bot.Dialogs.Triage;

// Shapes of taxonomy.yaml as YamlDotNet reads them; Taxonomy validates and compiles them.
internal sealed class TaxonomyDocument
{
    public string? Hotline { get; set; }
    // The service's departments (read by HuaXin.Bot.Core.Departments); here only to check that categories route to them.
    public List<string> Departments { get; set; } = [];
    public string? Supervisor { get; set; }
    public Dictionary<string, SlotDocument> Slots { get; set; } = [];
    public IntentDocument Intent { get; set; } = new();
    public PlacesDocument Places { get; set; } = new();
    public RelationsDocument Relations { get; set; } = new();
    public UrgencyDocument Urgency { get; set; } = new();
    public List<CategoryDocument> Categories { get; set; } = [];
    public DangerDocument Danger { get; set; } = new();
}

internal sealed class DangerDocument
{
    public string CrisisLineQuery { get; set; } = "";
    public string Past { get; set; } = "";
    public string Policy { get; set; } = "";
    public string Immediate { get; set; } = "";
    public string Now { get; set; } = "";
    public string People { get; set; } = "";
    public string Body { get; set; } = "";
    public string Over { get; set; } = "";
    public string Figurative { get; set; } = "";
    public string Declines { get; set; } = "";
    public string Self { get; set; } = "";
    public string Habitual { get; set; } = "";
    public Dictionary<string, string> Harm { get; set; } = [];
    public string Calm { get; set; } = "";
    public string Story { get; set; } = "";
    public List<string> HarmFloor { get; set; } = [];
    public List<DangerKindDocument> Kinds { get; set; } = [];
    public List<FirstAidDocument> FirstAid { get; set; } = [];
}

internal sealed class FirstAidDocument
{
    public string Say { get; set; } = "";
    public List<string> Cues { get; set; } = [];
}

internal sealed class DangerKindDocument
{
    public string Kind { get; set; } = "";
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public string Say { get; set; } = "";
    public List<string> Cues { get; set; } = [];
}

internal sealed class SlotDocument
{
    public string Label { get; set; } = "";
    public string Prompt { get; set; } = "";
    public string Example { get; set; } = "";
    public string Why { get; set; } = "";
}

internal sealed class IntentDocument
{
    public Dictionary<string, double> RequestCues { get; set; } = [];
    public Dictionary<string, double> RequestPatterns { get; set; } = [];
    public Dictionary<string, double> QuestionCues { get; set; } = [];
    public Dictionary<string, double> QuestionPatterns { get; set; } = [];
    public Dictionary<string, double> StatusPatterns { get; set; } = [];
    public Dictionary<string, double> StaffPatterns { get; set; } = [];
    public Dictionary<string, double> RatingPatterns { get; set; } = [];
}

internal sealed class PlacesDocument
{
    public Dictionary<string, List<string>> Shandong { get; set; } = [];
    public List<string> Other { get; set; } = [];
    public List<string> WorkplaceAfter { get; set; } = [];
    public List<string> WorkplaceBefore { get; set; } = [];
}

internal sealed class UrgencyDocument
{
    public List<string> Urgent { get; set; } = [];
    public List<string> Normal { get; set; } = [];
}

internal sealed class CategoryDocument
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Department { get; set; } = "";
    public List<string> Required { get; set; } = [];
    public List<string> Optional { get; set; } = [];
    public double FirstContactHours { get; set; }
    public double? FirstContactUrgentHours { get; set; }
    public ResolutionDocument Resolution { get; set; } = new();
    public Dictionary<string, double> Keywords { get; set; } = [];
    public Dictionary<string, double> Patterns { get; set; } = [];
    public string? Relation { get; set; }
}

internal sealed class ResolutionDocument
{
    public int Days { get; set; }
    public bool WorkingDays { get; set; }
}

internal sealed class RelationsDocument
{
    public Dictionary<string, List<string>> Words { get; set; } = [];
    public List<string> NeedAfter { get; set; } = [];
    public List<string> BackgroundAfter { get; set; } = [];
    public string OtherPeople { get; set; } = "";
    public List<string> HouseholdWords { get; set; } = [];
    public List<string> SelfPatterns { get; set; } = [];
}
