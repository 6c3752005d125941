using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>How danger is recognised and answered (taxonomy.yaml "danger"): kinds with their cues, what to say at once,
/// the category of the urgent ticket; the context words that make a cue about the past or a policy question; and who
/// and what bodily state the fitted model (danger-model.json) weighs besides; words saying the trouble is over or not meant literally; a
/// reply that only declines the bot's question; the speaker as the subject, habits of thought that are not the past, and the named
/// signs of self-harm (hopelessness, burden, farewell, a method, a plan) the model weighs by themselves and together,
/// and the words that calm them (a figure of speech, a question about counselling, "已经好了"); a story on a screen or
/// from far away.</summary>
public sealed record DangerRules(IReadOnlyList<DangerKind> Kinds, Regex Past, Regex Policy, Regex Immediate, Regex Now, string CrisisLineQuery,
    Regex People, Regex Body, Regex Over, Regex Figurative, Regex Declines, Regex Self, Regex Habitual, IReadOnlyList<HarmSign> Harm, Regex Calm, Regex Story)
{
    /// <summary>The kind of that name (self_harm, medical…), if the taxonomy has one.</summary>
    public DangerKind? Kind(string kind) => Kinds.FirstOrDefault(k => k.Kind == kind);

    /// <summary>First aid that holds whatever the kind is named (danger.first_aid): cut the power before touching
    /// someone, cool a scald, no vomiting forced after poison.</summary>
    public IReadOnlyList<FirstAid> FirstAid { get; init; } = [];

    /// <summary>The first-aid lines the message calls for, in the taxonomy's order.</summary>
    public IEnumerable<string> FirstAidFor(string text) => FirstAid.Where(f => f.Cues.IsMatch(text)).Select(f => f.Say);
}

/// <param name="Say">One line of what to do, said before the kind's steps.</param>
public sealed record FirstAid(string Say, Regex Cues);

/// <summary>One named sign of self-harm (taxonomy.yaml danger.harm), a feature of the fitted model, never a cue alone.</summary>
/// <param name="Floor">A sign of whether (not of how or when): two different ones together are a cue (danger.harm_floor).</param>
public sealed record HarmSign(string Name, Regex Pattern, bool Floor);

/// <param name="Say">What to do at once; "{crisis}" is replaced by the crisis line.</param>
public sealed record DangerKind(string Kind, string Category, string Title, string Say, Regex Cues);
