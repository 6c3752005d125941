using HuaXin.Bot.People;
using HuaXin.Bot.Reports.Assessment;
using HuaXin.Bot.Reports.Metrics;
using static HuaXin.Bot.Tests.Reports.ReportFixtureData;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>Scores, grades and ranking of Q1 2026 by the defaults of 基层党群工作量化考核办法, computed by hand.</summary>
public sealed class AssessmentTests
{
    [Fact]
    public async Task Default_items_weights_and_grades_score_each_unit_item_by_item()
    {
        await using var host = await ReportsHost.StartAsync();
        await SeedAsync(host);

        var result = await Assess(host);

        // 三车间: coverage 1/1 → 20; accept 1/1 → 20; resolve 1/1 → 20; satisfied 1/1 → 25; follow-up 1/1 → 15 = 100 → 优秀.
        // 二车间: coverage 1/2 = 50 %, 50 points below 100 → 20 − 50 = −30 → 0; the other items all 100 % → 20 + 20 + 25 + 15 = 80 → 良好.
        // 一车间: coverage 4/4 → 20; accept 3/5 × 20 = 12; resolve 3/5 × 20 = 12; satisfied 2/3 × 25 = 16.67; follow-up 2/4 × 15 = 7.5
        //         = 68.17 → 合格.
        Assert.Equal([("三车间", 100.0, "优秀", 1), ("二车间", 80.0, "良好", 2), ("一车间", 68.17, "合格", 3)],
            result.Units.Select(u => (u.Unit, u.Total, u.Grade, u.Rank)));
        var first = result.Units.Single(u => u.Unit == "一车间");
        Assert.Equal(
        [
            new ItemScore("服务档案覆盖率", new Rate(4, 4), 20, 20, "满分20，每低1个百分点扣1分"),
            new ItemScore("受理及时率", new Rate(3, 5), 20, 12, "比例×20"),
            new ItemScore("按时办结率", new Rate(3, 5), 20, 12, "比例×20"),
            new ItemScore("满意率", new Rate(2, 3), 25, 16.67, "比例×25"),
            new ItemScore("回访率", new Rate(2, 4), 15, 7.5, "比例×15"),
        ], first.Items);
        Assert.Equal(0, result.Units.Single(u => u.Unit == "二车间").Items[0].Points);
        // Three units: each list takes at most half of them (1), so the top one is praised and the bottom one criticised.
        Assert.Equal(["三车间"], result.Praised);
        Assert.Equal(["一车间"], result.Criticised);
    }

    [Fact]
    public async Task Items_grades_and_the_praised_and_criticised_counts_come_from_configuration()
    {
        await using var host = await ReportsHost.StartAsync(new Dictionary<string, string?>
        {
            ["Assessment:Items:0:Metric"] = "Satisfaction", ["Assessment:Items:0:Weight"] = "60",
            ["Assessment:Items:1:Metric"] = "Coverage", ["Assessment:Items:1:Weight"] = "40",
            ["Assessment:Grades:0:Name"] = "达标", ["Assessment:Grades:0:MinScore"] = "70",
            ["Assessment:Grades:1:Name"] = "不达标", ["Assessment:Grades:1:MinScore"] = "0",
            ["Assessment:Praised"] = "1", ["Assessment:Criticised"] = "1",
        });
        await SeedAsync(host);

        var result = await Assess(host);

        // Proportional by default: 三车间 1 × 60 + 1 × 40 = 100; 一车间 2/3 × 60 = 40 + 1 × 40 = 80; 二车间 1 × 60 + 0.5 × 40 = 80.
        // Ties share rank 2 and are ordered by name (一 before 二).
        Assert.Equal([("三车间", 100.0, "达标", 1), ("一车间", 80.0, "达标", 2), ("二车间", 80.0, "达标", 2)],
            result.Units.Select(u => (u.Unit, u.Total, u.Grade, u.Rank)));
        Assert.Equal(["三车间"], result.Praised);
        Assert.Equal(["二车间"], result.Criticised);
    }

    [Fact]
    public async Task An_item_with_nothing_to_measure_scores_full_weight_and_says_so()
    {
        await using var host = await ReportsHost.StartAsync();
        await host.ExecuteAsync(db =>
        {
            db.Add(new HuaXin.Bot.People.Worker { StaffId = "D001", Name = "赵一", Unit = "四车间", RegisteredAt = Q1.From.AddDays(-1) });
            return Task.CompletedTask;
        });

        var unit = (await Assess(host)).Units.Single();

        // No contact at all: coverage 0/1 → 20 − 100 → 0; the four ticket items have nothing to count → full weight 80.
        Assert.Equal(80, unit.Total);
        Assert.Equal("良好", unit.Grade);
        Assert.All(unit.Items.Skip(1), i => Assert.Equal("无应考核事项，按满分计", i.Rule));
    }

    private static async Task<AssessmentResult> Assess(ReportsHost host) =>
        host.Get<AssessmentCalculator>().Assess(await host.Get<ReportDataLoader>().LoadAsync(Q1));
}
