namespace HuaXin.Bot.Reports.Assessment;

/// <summary>The defaults, as 基层党群工作量化考核办法 sets them: 第四条 items and weights, 第五至九条 scoring, 第十五条 grades.</summary>
public static class AssessmentDefaults
{
    public static List<AssessmentItemOptions> Items() =>
    [
        new() { Metric = AssessmentMetric.Coverage, Name = "服务档案覆盖率", Weight = 20, Scoring = AssessmentScoring.DeductPerPoint, DeductionPerPoint = 1 },
        new() { Metric = AssessmentMetric.AcceptedInTime, Name = "受理及时率", Weight = 20 },
        new() { Metric = AssessmentMetric.ResolvedInTime, Name = "按时办结率", Weight = 20 },
        new() { Metric = AssessmentMetric.Satisfaction, Name = "满意率", Weight = 25 },
        new() { Metric = AssessmentMetric.FollowUp, Name = "回访率", Weight = 15 },
    ];

    public static List<GradeOptions> Grades() =>
    [
        new() { Name = "优秀", MinScore = 90 },
        new() { Name = "良好", MinScore = 80 },
        new() { Name = "合格", MinScore = 60 },
        new() { Name = "较差", MinScore = 0 },
    ];

    public static string NameOf(AssessmentMetric metric) => metric switch
    {
        AssessmentMetric.Coverage => "服务档案覆盖率",
        AssessmentMetric.AcceptedInTime => "受理及时率",
        AssessmentMetric.ResolvedInTime => "按时办结率",
        AssessmentMetric.Satisfaction => "满意率",
        AssessmentMetric.FollowUp => "回访率",
        AssessmentMetric.Visits => "走访达标率",
        AssessmentMetric.Condolences => "慰问覆盖率",
        AssessmentMetric.AidInTime => "救助审批及时率",
        AssessmentMetric.VolunteerHours => "志愿服务时长",
        _ => metric.ToString(),
    };
}
