using HuaXin.Bot.Reports.Metrics;
using static HuaXin.Bot.Tests.Reports.ReportFixtureData;

namespace HuaXin.Bot.Tests.Reports;

/// <summary>Every metric of Q1 2026 over <see cref="ReportFixtureData"/>, checked against a hand calculation.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private ReportsHost _host = null!;
    private ReportData _data = null!;
    private MetricsCalculator _metrics = null!;

    public async Task InitializeAsync()
    {
        _host = await ReportsHost.StartAsync();
        await SeedAsync(_host);
        _data = await _host.Get<ReportDataLoader>().LoadAsync(Q1);
        _metrics = _host.Get<MetricsCalculator>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Overall_metrics_match_the_hand_calculation()
    {
        var all = _metrics.Overall(_data);

        // T1–T10 are created in Q1; T11 (December) is not.
        Assert.Equal(10, all.Requests);
        // Accept: T6 withdrawn before acceptance is left out; T5 never accepted and past due counts as late;
        // late: T2 (5 h), T5, T10 (6 h) → 6 of 9.
        Assert.Equal(new Rate(6, 9), all.AcceptedInTime);
        // Resolve: late T2 (4 d > 3 d) and T5 (unresolved, due 04-02 < 04-05) → 7 of 9.
        Assert.Equal(new Rate(7, 9), all.ResolvedInTime);
        // Rated: T1 满意, T2 不满意, T4 非常满意, T7 基本满意, T8 非常满意, T9 满意 → 5 of 6 satisfied.
        Assert.Equal(new Rate(5, 6), all.Satisfied);
        // Resolved: T1 T2 T3 T4 T7 T8 T9 T10; followed up within 7 d: T1 T2 T7 T8 T9 (T4 rated 8 d after 办结) → 5 of 8.
        Assert.Equal(new Rate(5, 8), all.FollowedUp);
        // Only T2 repeats (W1 medical 10 d after T1); T1 is 39 d after T11, outside 30 d.
        Assert.Equal(new Rate(1, 10), all.Repeated);
        // Feedback: 有用 with citations W1 and W5; W1's 没用 and W2's abstention are not → 2 of 4.
        Assert.Equal(new Rate(2, 4), all.SelfServed);
        Assert.Equal(new CategoryCount("就医协助/医疗互助", 4), all.ByCategory[0]);
    }

    [Fact]
    public void Department_metrics_include_times_to_accept_and_resolve()
    {
        var union = _metrics.ByDepartment(_data).Single(m => m.Group == "集团工会");

        // 集团工会: T1 T2 T7 T8 T9 T10.
        Assert.Equal(6, union.Requests);
        Assert.Equal(new Rate(4, 6), union.AcceptedInTime);   // late: T2, T10
        Assert.Equal(new Rate(5, 6), union.ResolvedInTime);   // late: T2
        // Hours to accept 2, 5, 1, 2, 1, 6: mean 17/6 = 2.83; sorted 1 1 2 2 5 6 → median (2 + 2) / 2 = 2.
        Assert.Equal(new Duration(6, 2.83, 2), union.TimeToAccept);
        // Hours to resolve 24, 96, 24, 48, 24, 24: mean 240/6 = 40; sorted 24 24 24 24 48 96 → median 24.
        Assert.Equal(new Duration(6, 40, 24), union.TimeToResolve);
        // Knowledge answers are not a department's: no self-service figure.
        Assert.Null(union.SelfServed.Value);
    }

    [Fact]
    public void Unit_metrics_attribute_requests_through_dingtalk_teams_and_family_links()
    {
        var units = _metrics.ByUnit(_data).ToDictionary(m => m.Group);

        // 一车间: T1 T2 T5 (W1 by 工号), T3 (W2 through the web-chat link), T4 (W3 by DingTalk id), T6 (W4).
        var first = units["一车间"];
        Assert.Equal(6, first.Requests);
        Assert.Equal(new Rate(3, 5), first.AcceptedInTime);   // T1 T3 T4 of T1 T2 T3 T4 T5
        Assert.Equal(new Rate(3, 5), first.ResolvedInTime);
        Assert.Equal(new Rate(2, 3), first.Satisfied);        // T1 T4 of T1 T2 T4
        Assert.Equal(new Rate(2, 4), first.FollowedUp);       // T1 T2 of T1 T2 T3 T4
        Assert.Equal(new Rate(1, 6), first.Repeated);
        Assert.Equal(new Rate(1, 3), first.SelfServed);       // W1 有用; W1 没用, W2 abstention

        // 二车间: T7 T8 through W5's Teams id.
        var second = units["二车间"];
        Assert.Equal((2, new Rate(2, 2), new Rate(2, 2), new Rate(1, 1)), (second.Requests, second.AcceptedInTime, second.Satisfied, second.SelfServed));
        Assert.Equal(1, units[ReportData.UnregisteredUnit].Requests);   // T10
    }

    [Fact]
    public void Coverage_counts_families_with_a_contact_in_the_period()
    {
        var coverage = _metrics.Coverage(_data);

        // 一车间 W1–W4 all have Q1 activity (W4's withdrawn T6 too); 二车间 only W5; 三车间 W7.
        Assert.Equal([new Coverage("一车间", 4, 4), new Coverage("三车间", 1, 1), new Coverage("二车间", 2, 1)], coverage);
    }

    [Fact]
    public void Weekly_counts_start_on_monday_and_keep_empty_weeks()
    {
        var weeks = _metrics.Weekly(_data);

        // Q1 2026 starts on Thursday 01-01 → first week 2025-12-29; last week starts 03-30.
        Assert.Equal(new DateOnly(2025, 12, 29), weeks[0].WeekStart);
        Assert.Equal(new DateOnly(2026, 3, 30), weeks[^1].WeekStart);
        Assert.Equal(14, weeks.Count);
        var counts = weeks.Where(w => w.Requests > 0).ToDictionary(w => w.WeekStart, w => w.Requests);
        // Week of 02-02: T1 T3 T4 T6 T7 T9 T10 (T10 is Sunday 02-08); 02-09: T2; 02-16: T8 (Sunday 02-22); 03-30: T5.
        Assert.Equal(new Dictionary<DateOnly, int> { [new(2026, 2, 2)] = 7, [new(2026, 2, 9)] = 1, [new(2026, 2, 16)] = 1, [new(2026, 3, 30)] = 1 }, counts);
    }

    [Fact]
    public void Top_unanswered_questions_are_counted_by_trimmed_text_within_the_period()
    {
        Assert.Equal([new QuestionCount("医保异地报销怎么办", 2), new QuestionCount("宿舍能养猫吗", 1)], _metrics.TopUnanswered(_data));
    }
}
