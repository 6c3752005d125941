using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Safety;

/// <summary>Recognises a message saying someone is in danger now (taxonomy.yaml "danger"). Tuned for recall: a cue
/// counts unless its own sentence puts it in the past, or the message asks about policy, and no word says "now".</summary>
public sealed partial class DangerDetector(DangerRules rules)
{
    public DangerSignal? Detect(string text)
    {
        // Spaces stand for the commas people do not type.
        var compact = Whitespace().Replace(text.Trim(), "，");
        if (compact.Length == 0) return null;
        var urgent = rules.Immediate.IsMatch(compact);
        foreach (var kind in rules.Kinds)
        {
            foreach (Match cue in kind.Cues.Matches(compact))
            {
                if (urgent || !Dismissed(compact, cue, kind)) return new DangerSignal(kind, cue.Value);
            }
        }
        return null;
    }

    private bool Dismissed(string text, Match cue, DangerKind kind)
    {
        // "晕倒过", "着过火": happened before.
        if (rules.Now.IsMatch(Around(text, cue.Index, ClauseEnds))) return false;
        if (cue.Index + cue.Length < text.Length && text[cue.Index + cue.Length] == '过') return true;
        if (rules.Past.IsMatch(Around(text, cue.Index, SentenceEnds))) return true;
        // Someone speaking of ending their life is never a policy question.
        return kind.Kind != SelfHarm && rules.Policy.IsMatch(text);
    }

    private static string Around(string text, int at, char[] ends)
    {
        var start = at == 0 ? 0 : text.LastIndexOfAny(ends, at - 1) + 1;
        var end = text.IndexOfAny(ends, at);
        return text[start..(end < 0 ? text.Length : end)];
    }

    public const string SelfHarm = "self_harm";

    private static readonly char[] SentenceEnds = ['。', '！', '？', '!', '?', '；', ';'];
    private static readonly char[] ClauseEnds = [.. SentenceEnds, '，', ',', '、'];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <param name="Cue">The words that gave it away.</param>
public sealed record DangerSignal(DangerKind Kind, string Cue);
