using System.Text.Json;
using HuaXin.Bot.Dialogs.Evaluation;
using HuaXin.Bot.Dialogs.Tests.Support;
using HuaXin.Bot.Dialogs.Understanding;

namespace HuaXin.Bot.Dialogs.Tests.Evaluation;

public sealed class RequestEvaluationTests
{
    private readonly RequestEvaluation _evaluation = new(TestData.Understanding());

    [Fact]
    public async Task Bad_lines_are_reported_with_their_line_number_and_skipped()
    {
        var file = string.Join('\n',
            """{"id":"a","text":"你好","is_request":false}""",
            "not json",
            """{"id":"b","is_request":true}""",
            "",
            """{"id":"c","text":"困难补助有啥条件","is_request":"no"}""",
            """{"id":"d","text":"家里水管爆了快来修 13805312266","is_request":true,"category":"home_repair","department":"后勤管理中心","slots":{"phone":"138-0531-2266"}}""");

        var result = await _evaluation.RunAsync(new StringReader(file), CancellationToken.None);

        Assert.Equal([2, 3, 5], result.Report.BadLines.Select(b => b.LineNumber));
        Assert.Equal(["a", "d"], result.Outputs.Select(o => o.Id));
        Assert.Equal(1.0, result.Report.RequestAccuracy);
        Assert.Equal(1.0, result.Report.Slots.Single(s => s.Slot == "phone").F1);
        Assert.Contains("skipped line 2", result.Report.ToText());
    }

    [Fact]
    public async Task Output_lines_have_the_gold_shape()
    {
        var file = """{"id":"r1","text":"俺娘一个人在章丘老家 想找人去看看 电话138 0531 2266","is_request":true,"category":"family_care","department":"车间工会","slots":{"city":"章丘"}}""";

        var result = await _evaluation.RunAsync(new StringReader(file), CancellationToken.None);

        using var line = JsonDocument.Parse(result.Outputs.Single().ToJsonLine());
        var root = line.RootElement;
        Assert.Equal(["id", "is_request", "category", "department", "slots"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("车间工会", root.GetProperty("department").GetString());
        Assert.Contains("车间工会", result.Outputs.Single().ToJsonLine());
        Assert.Equal(1.0, result.Report.Slots.Single(s => s.Slot == "city").F1);
    }

    [Fact]
    public async Task Wrong_slot_value_counts_against_precision_and_recall()
    {
        var file = """{"id":"r1","text":"我妈住院了 电话13805312266 找人去看看","is_request":true,"category":"family_care","department":"车间工会","slots":{"relation":"父亲"}}""";

        var report = (await _evaluation.RunAsync(new StringReader(file), CancellationToken.None)).Report;

        var relation = report.Slots.Single(s => s.Slot == "relation");
        Assert.Equal((0, 1, 1), (relation.TruePositives, relation.FalsePositives, relation.FalseNegatives));
        Assert.Equal(0, relation.F1);
    }

    [Theory]
    [InlineData("phone", "+86 138-0531-2266", "13805312266", true)]
    [InlineData("city", "章丘", "济南章丘", true)]
    [InlineData("city", "济南市", "济南章丘", true)]
    [InlineData("city", "青岛", "济南章丘", false)]
    [InlineData("when", "下周三上午", "下周三", false)]
    [InlineData("relation", "母亲", "母亲", true)]
    public void Slot_values_are_compared_after_normalization(string slot, string gold, string predicted, bool matches) =>
        Assert.Equal(matches, SlotValueComparer.Matches(slot, gold, predicted));

    [Fact]
    public async Task Report_prints_an_aligned_table()
    {
        var result = await _evaluation.RunAsync(TestData.RequestsPath, CancellationToken.None);

        var rows = result.Report.ToText().Split('\n').Where(l => l.StartsWith("phone") || l.StartsWith("slot")).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0].TrimEnd().Length, rows[1].TrimEnd().Length);
    }
}
