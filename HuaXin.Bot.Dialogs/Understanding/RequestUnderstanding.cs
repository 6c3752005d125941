using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>Understands a first message without an LLM: the fitted scorer (<see cref="RequestModel"/>) weighs taxonomy
/// cues, the deployment's documents (<see cref="IKnowledgeEvidence"/>), purpose cues and character n-grams to decide
/// what the message is for and, for a request, its category; the slot extractors read the rest.</summary>
public sealed partial class RequestUnderstanding : IRequestUnderstanding
{
    private readonly Taxonomy _taxonomy;
    private readonly RequestModel _model;
    private readonly IKnowledgeEvidence? _evidence;
    private readonly RequestFeatures _features;
    private readonly SlotExtractors _slots;
    private readonly DescriptionExtractor _description = new();

    public RequestUnderstanding(Taxonomy taxonomy, TimeProvider time, RequestModel model, IKnowledgeEvidence? evidence = null)
    {
        _taxonomy = taxonomy;
        _model = model;
        _evidence = evidence;
        _features = new RequestFeatures(taxonomy, model.Buckets);
        model.EnsureMatches(_features);
        _slots = new SlotExtractors(taxonomy, time);
    }

    public RequestFeatures Features => _features;

    public async Task<Abstractions.Understanding> UnderstandAsync(string text, CancellationToken cancellationToken)
    {
        var normalized = TextNormalizer.Normalize(text);
        var found = _slots.ExtractStated(normalized);
        var clauses = _evidence is null ? [] : await _evidence.MatchAsync(normalized, cancellationToken);
        var x = _features.Build(normalized, clauses, found);
        var (purpose, code) = _model.Decide(x);
        // A programme only the deployment's documents name ("小书桌", "代尽孝"): its document's owner decides, and
        // among that department's categories the scorer's likeliest.
        if (Purpose.StartsIntake(purpose) && code is null && clauses.FirstOrDefault()?.Owner is { } owner)
        {
            var p = _model.Category.Predict(x, c => c != Purpose.Complaint && _taxonomy.Find(c)?.Department == owner);
            if (p.Max() > 0) code = _model.Category.Labels[Array.IndexOf(p, p.Max())];
        }
        if (!Purpose.StartsIntake(purpose))
        {
            // A question names the service it is about, so the answer can offer to take that need down.
            var about = purpose == Purpose.Question ? _taxonomy.Find(_model.Service(x)) : null;
            return new Abstractions.Understanding(false, null, null, new Dictionary<string, string>(), Purpose: purpose, About: about?.Code);
        }
        var category = _taxonomy.Find(code);
        var slots = found.Where(s => Applies(s.Key, category, normalized)).ToDictionary(s => s.Key, s => s.Value.Value);
        // Staff read the description: keep the user's own characters, not the normalized form.
        slots[SlotNames.Description] = _description.Extract(text)!.Value;
        return new Abstractions.Understanding(true, category?.Code, category?.Department, slots,
            slots.ContainsKey(SlotNames.When) ? found[SlotNames.When].Window : null, purpose);
    }

    /// <summary>The vector the scorer weighs, for training and cross-validation.</summary>
    public async Task<float[]> FeaturesAsync(string normalized, IReadOnlyDictionary<string, SlotMatch> found, CancellationToken cancellationToken)
    {
        var clauses = _evidence is null ? [] : await _evidence.MatchAsync(normalized, cancellationToken);
        return _features.Build(normalized, clauses, found);
    }

    public Dictionary<string, SlotMatch> ExtractStated(string normalized) => _slots.ExtractStated(normalized);

    // Who a need is about is not asked of household and property needs, nor of a family's hardship unless the aid is
    // asked for one person ("给俺娘申请").
    private static bool Applies(string slot, CategoryDefinition? category, string text) => slot switch
    {
        SlotNames.Relation => category?.Code switch
        {
            "home_repair" or "complaint" => false,
            "logistics" => !Facility().IsMatch(text),
            "hardship_aid" => ForSomeone().IsMatch(text),
            "legal_aid" => !Property().IsMatch(text),
            _ => true,
        },
        // A time inside a complaint is when the trouble happens, not when a service is wanted.
        SlotNames.When => category?.Code != "complaint",
        _ => true,
    };

    [GeneratedRegex(@"(给|替|帮|为)[^，。,]{0,6}(申请|报|要|争取)")]
    private static partial Regex ForSomeone();

    [GeneratedRegex(@"宿舍|食堂|伙食|饭菜|被褥|空调|热水|板房|工棚|营地|洗澡")]
    private static partial Regex Facility();

    [GeneratedRegex(@"宅基地|承包地|土地|地界|占地|占了|房产|房本|拆迁|盖房|院墙|过道")]
    private static partial Regex Property();
}
