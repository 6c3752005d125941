using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>The time phrases of a message (<see cref="TimePhrases"/>) and "none", each described by what it is made of,
/// the characters around it, where it stands and the request's category, for the fitted chooser of "when": the time a
/// service is wanted, not a past event, a duration or the date of something else (出分, 出院, 开学).</summary>
public sealed class WhenCandidates(WhenExtractor rules)
{
    public const string Version = "when-3";

    public IReadOnlyList<SlotCandidate> Build(string text, string? category)
    {
        // A complaint tells what happened: its times are of the events it is about, not a time help is wanted.
        if (category == Purpose.Complaint) return [];
        var phrases = TimePhrases.Find(text);
        var rule = rules.Extract(text)?.Value;
        var cat = "cat:" + (category ?? "?");
        var maximal = phrases.Count(p => p.IsMaximal);
        var count = "n:" + Math.Min(maximal, 3);
        var candidates = new List<SlotCandidate>
        {
            new(null, -1, "", ["none", "none&" + cat, "none&" + count, rule is null ? "none&norule" : "none&rule"]),
        };
        var firstStart = phrases.Count == 0 ? 0 : phrases.Min(p => p.Start);
        var lastStart = phrases.Count == 0 ? 0 : phrases.Max(p => p.Start);
        foreach (var p in phrases)
        {
            var f = new List<string> { "span", cat, count, p.IsMaximal ? "max" : "sub", "len:" + Math.Min(p.Length, 10) / 2 };
            var kinds = p.Kinds.Distinct().ToList();
            f.AddRange(kinds.Select(k => "k:" + k));
            f.Add("ks:" + string.Join('+', kinds));
            f.AddRange(kinds.Select(k => "k:" + k + "&" + cat));
            f.Add("first:" + (p.Kinds[0]));
            f.Add("last:" + (p.Kinds[^1]));
            if (p.Start == firstStart) f.Add("earliest");
            if (p.Start == lastStart) f.Add("latest");
            if (rule == p.Text) f.Add("rule");
            else if (rule is not null && (p.Text.Contains(rule, StringComparison.Ordinal) || rule.Contains(p.Text, StringComparison.Ordinal))) f.Add("rule~");

            var end = p.Start + p.Length;
            f.AddRange(ContextFeatures.Around(text, p.Start, end));
            // What the rest of its clause says: a 了 or 过 there tells of something done.
            var clause = ClauseAfter(text, end);
            if (clause.Contains('了')) f.Add("clause:le");
            if (clause.Contains('过')) f.Add("clause:guo");
            candidates.Add(new SlotCandidate(p.Text, p.Start, p.Text, f));
        }
        return candidates;
    }

    private static string ClauseAfter(string text, int at)
    {
        var stop = text.IndexOfAny(['，', ',', '。', '！', '!', '？', '?', ' ', '\n', '；', ';'], at);
        return text[at..(stop < 0 ? text.Length : stop)];
    }
}
