using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;

namespace HuaXin.Bot.AI.Grounding;

/// <summary>Decides whether a model's answer may replace the extractive one. Anything doubtful is rejected: the
/// extractive answer is always correct to show, a wrong amount in a policy answer is not.</summary>
public static partial class GroundedAnswerCheck
{
    private const int MaxLength = 800;

    /// <returns>The cited clause numbers (1-based, in order of first use), or the reason for rejecting the answer.</returns>
    public static (IReadOnlyList<int> Cited, string? Rejected) Check(string answer, IReadOnlyList<Citation> citations)
    {
        if (answer.Length > MaxLength)
        {
            return ([], "too_long");
        }
        if (GroundedPrompt.Rules.Any(rule => answer.Contains(rule[..Math.Min(12, rule.Length)], StringComparison.Ordinal)))
        {
            return ([], "prompt_leak");
        }
        var cited = Markers().Matches(answer).Select(m => int.Parse(Digits(m.Groups["n"].Value))).Distinct().ToList();
        if (cited.Count == 0)
        {
            return ([], "no_citation");
        }
        if (cited.Any(n => n < 1 || n > citations.Count))
        {
            return ([], "unknown_citation");
        }
        var clauses = Compact(string.Concat(citations.Select(c => c.Text)));
        if (Amounts().Matches(answer).Any(m => !clauses.Contains(Compact(m.Value).Replace('块', '元'), StringComparison.Ordinal)))
        {
            return ([], "unsupported_amount");
        }
        return (cited, null);
    }

    /// <summary>Writes every marker as [n], whatever brackets and digits the model used.</summary>
    public static string Renumber(string answer) => Markers().Replace(answer, m => $"[{int.Parse(Digits(m.Groups["n"].Value))}]");

    private static string Digits(string value) => new(value.Select(c => c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c).ToArray());

    private static string Compact(string text) => Digits(text).Replace(",", "").Replace("，", "").Replace(" ", "").Replace('％', '%');

    // [1] ［1］ 【1】, ASCII or full-width digits.
    [GeneratedRegex(@"[\[［【](?<n>[0-9０-９]{1,2})[\]］】]")]
    private static partial Regex Markers();

    // Arabic-digit money and percentages with their unit (3万元 ≠ 3000元); what a user acts on must come from a clause verbatim.
    [GeneratedRegex(@"[0-9０-９][0-9０-９,，]*(?:\.[0-9]+)?\s*(?:万元|元|块|%|％)")]
    private static partial Regex Amounts();
}
