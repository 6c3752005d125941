using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>How danger is recognised and answered (taxonomy.yaml "danger"): kinds with their cues, what to say at once,
/// the category of the urgent ticket; the context words that make a cue about the past or a policy question; and who
/// and what bodily state the fitted model (danger-model.json) weighs besides; words saying the trouble is over or not meant literally; and a
/// reply that only declines the bot's question.</summary>
public sealed record DangerRules(IReadOnlyList<DangerKind> Kinds, Regex Past, Regex Policy, Regex Immediate, Regex Now, string CrisisLineQuery,
    Regex People, Regex Body, Regex Over, Regex Figurative, Regex Declines);

/// <param name="Say">What to do at once; "{crisis}" is replaced by the crisis line.</param>
public sealed record DangerKind(string Kind, string Category, string Title, string Say, Regex Cues);
