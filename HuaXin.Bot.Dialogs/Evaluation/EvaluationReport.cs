using System.Globalization;
using System.Text;

namespace HuaXin.Bot.Dialogs.Evaluation;

/// <summary>Scores of an understanding over a labelled file.</summary>
/// <param name="Lines">Lines evaluated (bad lines excluded).</param>
/// <param name="GoldRequests">Lines labelled as requests; category, department and slots are scored over these.</param>
/// <param name="Mistakes">One line per wrong decision or slot value, for tuning.</param>
public sealed record EvaluationReport(
    int Lines,
    int GoldRequests,
    double RequestAccuracy,
    double CategoryAccuracy,
    double DepartmentAccuracy,
    IReadOnlyList<SlotScore> Slots,
    IReadOnlyList<BadLine> BadLines,
    IReadOnlyList<string> Mistakes)
{
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"lines evaluated : {Lines} ({GoldRequests} requests), bad lines skipped: {BadLines.Count}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"request detection accuracy : {RequestAccuracy:F3}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"category accuracy          : {CategoryAccuracy:F3}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"department accuracy        : {DepartmentAccuracy:F3}");
        sb.AppendLine();
        sb.AppendLine($"{"slot",-12} {"support",7} {"precision",9} {"recall",7} {"F1",6}");
        foreach (var s in Slots)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{s.Slot,-12} {s.Support,7} {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,6:F3}");
        foreach (var bad in BadLines)
            sb.AppendLine(CultureInfo.InvariantCulture, $"skipped line {bad.LineNumber}: {bad.Reason}");
        return sb.ToString();
    }
}

public sealed record BadLine(int LineNumber, string Reason);
