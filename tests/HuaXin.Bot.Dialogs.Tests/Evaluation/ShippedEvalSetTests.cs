using HuaXin.Bot.Dialogs.Evaluation;
using HuaXin.Bot.Dialogs.Tests.Support;
using HuaXin.Bot.Dialogs.Understanding;
using Xunit.Abstractions;

namespace HuaXin.Bot.Dialogs.Tests.Evaluation;

/// <summary>The rule-based understanding meets the targets on knowledge/eval/requests.jsonl.</summary>
public sealed class ShippedEvalSetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Meets_targets_on_the_shipped_set()
    {
        var evaluation = new RequestEvaluation(TestData.Understanding());

        var result = await evaluation.RunAsync(TestData.RequestsPath, CancellationToken.None);

        var report = result.Report;
        output.WriteLine(report.ToText());
        foreach (var mistake in report.Mistakes) output.WriteLine(mistake);
        Assert.Empty(report.BadLines);
        Assert.True(report.Lines >= 90);
        Assert.True(report.RequestAccuracy >= 0.95, $"request detection {report.RequestAccuracy:F3}");
        Assert.True(report.CategoryAccuracy >= 0.90, $"category {report.CategoryAccuracy:F3}");
        Assert.True(report.DepartmentAccuracy >= 0.95, $"department {report.DepartmentAccuracy:F3}");
        Assert.Equal(1.0, report.Slots.Single(s => s.Slot == "phone").F1);
        Assert.All(report.Slots, s => Assert.True(s.F1 >= 0.85, $"{s.Slot} F1 {s.F1:F3}"));
    }
}
