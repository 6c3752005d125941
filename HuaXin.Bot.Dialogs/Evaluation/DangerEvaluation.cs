using System.Globalization;
using System.Text;
using System.Text.Json;
using HuaXin.Bot.Dialogs.Safety;

namespace HuaXin.Bot.Dialogs.Evaluation;

/// <summary>Scores the danger detector on a labelled JSONL file: {"id","text","danger":true|false,"kind"}
/// ("is_danger" and "type" are read too). Recall matters most: a missed emergency costs more than a false alarm.</summary>
public sealed class DangerEvaluation(DangerDetector detector)
{
    public async Task<DangerReport> RunAsync(string path, CancellationToken cancellationToken)
    {
        var rows = new List<(string Id, string Text, bool Gold, string? Kind, DangerSignal? Got)>();
        var bad = new List<BadLine>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var text = root.GetProperty("text").GetString() ?? throw new FormatException("\"text\" is missing");
                var gold = (root.TryGetProperty("danger", out var d) || root.TryGetProperty("is_danger", out d)) && d.ValueKind == JsonValueKind.True;
                var kind = (root.TryGetProperty("kind", out var k) || root.TryGetProperty("type", out k)) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
                var id = root.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : $"line{number}";
                rows.Add((id, text, gold, kind, detector.Detect(text)));
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                bad.Add(new BadLine(number, e.Message));
            }
        }
        var positives = rows.Where(r => r.Gold).ToList();
        var flagged = rows.Where(r => r.Got is not null).ToList();
        var perKind = positives.GroupBy(r => r.Kind ?? "(none)").OrderBy(g => g.Key)
            .Select(g => new DangerKindScore(g.Key, g.Count(), g.Count(r => r.Got is not null))).ToList();
        var mistakes = rows.Where(r => r.Gold != (r.Got is not null))
            .Select(r => $"{r.Id}: gold {(r.Gold ? r.Kind ?? "danger" : "safe")} got {(r.Got is null ? "safe" : $"{r.Got.Kind.Kind} ({r.Got.Cue})")} | {r.Text}").ToList();
        // The kind decides the advice (120, 119, 110, the crisis line), so it is scored on the dangers found.
        var kindRight = positives.Count(r => r.Got is not null && r.Got.Kind.Kind == r.Kind);
        return new DangerReport(rows.Count, positives.Count, positives.Count(r => r.Got is not null), flagged.Count, flagged.Count(r => r.Gold), perKind, bad, mistakes)
        {
            KindRight = kindRight,
            WeakFound = positives.Count(r => r.Got is { Weak: true }),
            WeakFalse = flagged.Count(r => !r.Gold && r.Got!.Weak),
            ModelFound = positives.Count(r => r.Got is { Weak: false, ByModel: true }),
            ModelFalse = flagged.Count(r => !r.Gold && r.Got is { Weak: false, ByModel: true }),
        };
    }
}

public sealed record DangerKindScore(string Kind, int Support, int Found)
{
    public double Recall => Support == 0 ? 1 : (double)Found / Support;
}

public sealed record DangerReport(int Lines, int Dangerous, int Found, int Flagged, int FlaggedCorrectly,
    IReadOnlyList<DangerKindScore> PerKind, IReadOnlyList<BadLine> BadLines, IReadOnlyList<string> Mistakes)
{
    public double Recall => Dangerous == 0 ? 1 : (double)Found / Dangerous;
    public double Precision => Flagged == 0 ? 1 : (double)FlaggedCorrectly / Flagged;
    /// <summary>Dangers found whose kind is the labelled one.</summary>
    public int KindRight { get; init; }

    /// <summary>Dangers found, and false alarms, on a weak signal only: the numbers are said, no urgent ticket opens.</summary>
    public int WeakFound { get; init; }

    /// <inheritdoc cref="WeakFound"/>
    public int WeakFalse { get; init; }

    /// <summary>Dangers found, and false alarms, by the model alone with a strong signal: an urgent ticket on no cue.</summary>
    public int ModelFound { get; init; }

    /// <inheritdoc cref="ModelFound"/>
    public int ModelFalse { get; init; }

    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"lines evaluated : {Lines} ({Dangerous} dangerous), bad lines skipped: {BadLines.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"danger recall    : {Recall:F3} ({Found}/{Dangerous})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"danger precision : {Precision:F3} ({FlaggedCorrectly}/{Flagged})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"kind right       : {(Found == 0 ? 1 : (double)KindRight / Found):F3} ({KindRight}/{Found} found)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"weak signal only : {WeakFound} of the dangers found, {WeakFalse} of the false alarms (numbers said, no urgent ticket)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"model alone      : {ModelFound} of the dangers found, {ModelFalse} of the false alarms (strong signal, no cue)");
        foreach (var k in PerKind) sb.AppendLine(CultureInfo.InvariantCulture, $"  {k.Kind,-12} recall {k.Recall:F3} ({k.Found}/{k.Support})");
        foreach (var b in BadLines) sb.AppendLine(CultureInfo.InvariantCulture, $"skipped line {b.LineNumber}: {b.Reason}");
        return sb.ToString();
    }
}
