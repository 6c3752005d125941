using System.Text.RegularExpressions;

namespace HuaXin.Bot.Dialogs.Triage;

/// <summary>Keywords and regex patterns with weights; a text scores the sum of the weights of what it contains.</summary>
public sealed class WeightedCues
{
    private readonly IReadOnlyList<(string Keyword, double Weight)> _keywords;
    private readonly IReadOnlyList<(Regex Pattern, double Weight)> _patterns;

    public WeightedCues(IReadOnlyDictionary<string, double> keywords, IReadOnlyDictionary<string, double> patterns)
    {
        _keywords = keywords.Select(k => (k.Key, k.Value)).ToList();
        _patterns = patterns.Select(p => (new Regex(p.Key, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), p.Value)).ToList();
    }

    public double Score(string text)
    {
        var score = 0d;
        foreach (var (keyword, weight) in _keywords)
        {
            if (text.Contains(keyword, StringComparison.Ordinal)) score += weight;
        }
        foreach (var (pattern, weight) in _patterns)
        {
            if (pattern.IsMatch(text)) score += weight;
        }
        return score;
    }
}
