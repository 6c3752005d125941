using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>Understands a first message without an LLM: the fitted scorer (<see cref="RequestModel"/>) weighs taxonomy
/// cues, the deployment's documents (<see cref="IKnowledgeEvidence"/>), purpose cues and character n-grams to decide
/// what the message is for and, for a request, its category; the slot extractors read the rest.</summary>
public sealed class RequestUnderstanding : IRequestUnderstanding
{
    private readonly Taxonomy _taxonomy;
    private readonly RequestModel _model;
    private readonly IKnowledgeEvidence? _evidence;
    private readonly RequestFeatures _features;
    private readonly SlotExtractors _slots;
    private readonly RelationCandidates _relations;
    private readonly WhenCandidates _times;
    private readonly WhenExtractor _when;
    private readonly DescriptionExtractor _description = new();

    public RequestUnderstanding(Taxonomy taxonomy, TimeProvider time, RequestModel model, IKnowledgeEvidence? evidence = null)
    {
        _taxonomy = taxonomy;
        _model = model;
        _evidence = evidence;
        _features = new RequestFeatures(taxonomy, model.Buckets);
        model.EnsureMatches(_features);
        _slots = new SlotExtractors(taxonomy, time);
        _relations = new RelationCandidates((RelationExtractor)_slots[SlotNames.Relation], taxonomy);
        _when = (WhenExtractor)_slots[SlotNames.When];
        _times = new WhenCandidates(_when);
    }

    public RequestFeatures Features => _features;

    public async Task<Abstractions.Understanding> UnderstandAsync(string text, CancellationToken cancellationToken)
    {
        var normalized = TextNormalizer.Normalize(text);
        var found = _slots.ExtractStated(normalized);
        var clauses = _evidence is null ? [] : await _evidence.MatchAsync(normalized, cancellationToken);
        var x = _features.Build(normalized, clauses, found);
        var (purpose, code) = _model.Decide(x);
        // A mobile number left without asking anything ("工钱 法律顾问 139…") is a number left for a call back: a
        // request, whatever its few words resemble; unless the message declines ("不用了 电话…别打了"). Status
        // checks, ratings and staff commands keep their purpose.
        if (purpose is Purpose.Question or Purpose.Chat && _model.LeavesNumberWithoutAsking(x) && !_taxonomy.Danger.Declines.IsMatch(normalized))
            (purpose, code) = (Purpose.Request, _model.RequestCategory(x));
        // A programme only the deployment's documents name ("小书桌", "代尽孝"): its document's owner decides, and
        // among that department's categories the scorer's likeliest. Only a clause the search would answer from names
        // one: any message ranks some clause first ("帮俺孙子写篇作文" a counselling clause).
        if (Purpose.StartsIntake(purpose) && code is null && clauses.FirstOrDefault() is { Answers: true, Owner: { } owner })
        {
            var p = _model.Category.Predict(x, c => c != Purpose.Complaint && _taxonomy.Find(c)?.Department == owner);
            if (p.Max() > 0) code = _model.Category.Labels[Array.IndexOf(p, p.Max())];
        }
        if (!Purpose.StartsIntake(purpose))
        {
            // A question names the service it is about, so the answer can offer to take that need down; so does a
            // trouble told without asking ("俺家空调不制冷了"), for the offer alone. Not when none of the clauses it
            // matches is that service's department's: "探亲假有几天" is about the leave rules, not a ticket from 后勤. Only
            // clauses the search would answer from count: "马桶堵了" ranks a volunteer clause first by chance.
            var about = purpose is Purpose.Question or Purpose.Chat ? _taxonomy.Find(_model.Service(x)) : null;
            var answering = clauses.Where(c => c.Answers).ToList();
            if (about is not null && answering.Count > 0 && !answering.Any(c => c.Owner is null || c.Owner == about.Department))
                about = null;
            return new Abstractions.Understanding(false, null, null, new Dictionary<string, string>(), Purpose: purpose, About: about?.Code);
        }
        var category = _taxonomy.Find(code);
        var slots = found.Where(s => s.Key is not (SlotNames.Relation or SlotNames.When)).ToDictionary(s => s.Key, s => s.Value.Value);
        // Who the need is about and when it is wanted: the fitted choosers pick among what the message names.
        if (_model.Relation.Choose(_relations.Build(normalized, category?.Code))?.Value is { } relation) slots[SlotNames.Relation] = relation;
        TimeWindow? window = null;
        if (_model.When.Choose(_times.Build(normalized, category?.Code))?.Value is { } when)
        {
            slots[SlotNames.When] = when;
            window = _when.Extract(when)?.Window;
        }
        // Staff read the description: keep the user's own characters, not the normalized form.
        slots[SlotNames.Description] = _description.Extract(text)!.Value;
        return new Abstractions.Understanding(true, category?.Code, category?.Department, slots, window, purpose);
    }

    /// <summary>The vector the scorer weighs, for training and cross-validation.</summary>
    public async Task<float[]> FeaturesAsync(string normalized, IReadOnlyDictionary<string, SlotMatch> found, CancellationToken cancellationToken)
    {
        var clauses = _evidence is null ? [] : await _evidence.MatchAsync(normalized, cancellationToken);
        return _features.Build(normalized, clauses, found);
    }

    public Dictionary<string, SlotMatch> ExtractStated(string normalized) => _slots.ExtractStated(normalized);
}
