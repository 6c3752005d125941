using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Reports.Assessment;

/// <summary>Settings under "Assessment": the items, weights and grades of 基层党群工作量化考核办法 (knowledge/docs/assessment.md).
/// Lists left empty in configuration take the defaults of <see cref="AssessmentDefaults"/>; a configured list replaces them whole.</summary>
public sealed class AssessmentOptions
{
    public const string Section = "Assessment";

    public List<AssessmentItemOptions> Items { get; set; } = [];

    public List<GradeOptions> Grades { get; set; } = [];

    /// <summary>第十六条: the top units are praised (通报表扬).</summary>
    [Range(0, 20)]
    public int Praised { get; set; } = 3;

    /// <summary>第十六条: the bottom units are criticised (通报批评) and write a rectification report. With fewer than
    /// Praised + Criticised units, each list holds at most half of the units.</summary>
    [Range(0, 20)]
    public int Criticised { get; set; } = 3;
}

public sealed class AssessmentItemOptions
{
    [Required]
    public AssessmentMetric Metric { get; set; }

    /// <summary>The item's name on the score sheet; defaults to the metric's Chinese name.</summary>
    public string? Name { get; set; }

    [Range(0.0, 100.0)]
    public double Weight { get; set; }

    public AssessmentScoring Scoring { get; set; } = AssessmentScoring.Proportional;

    /// <summary>For <see cref="AssessmentScoring.DeductPerPoint"/>: points taken off per percentage point below 100%.</summary>
    [Range(0.0, 100.0)]
    public double DeductionPerPoint { get; set; } = 1;

    /// <summary>For <see cref="AssessmentMetric.VolunteerHours"/>: volunteer hours per registered family in the period that
    /// earn the full weight.</summary>
    [Range(0.1, 1000.0)]
    public double Target { get; set; } = 1;
}

public sealed class GradeOptions
{
    [Required]
    public string Name { get; set; } = "";

    /// <summary>Least total score (inclusive) for the grade.</summary>
    [Range(0.0, 1000.0)]
    public double MinScore { get; set; }
}

public enum AssessmentMetric
{
    /// <summary>服务档案覆盖率.</summary>
    Coverage,
    /// <summary>受理及时率.</summary>
    AcceptedInTime,
    /// <summary>按时办结率.</summary>
    ResolvedInTime,
    /// <summary>满意率.</summary>
    Satisfaction,
    /// <summary>回访率.</summary>
    FollowUp,
    /// <summary>走访达标率: families visited at home as often as the visiting rule asks.</summary>
    Visits,
    /// <summary>慰问覆盖率: families with a 慰问 in the period.</summary>
    Condolences,
    /// <summary>救助审批及时率: aid cases decided within 7 working days.</summary>
    AidInTime,
    /// <summary>志愿服务时长: volunteer hours against <see cref="AssessmentItemOptions.Target"/> per family.</summary>
    VolunteerHours,
}

public enum AssessmentScoring
{
    /// <summary>Points = rate × weight (第六至九条).</summary>
    Proportional,
    /// <summary>Full weight at 100%, less <see cref="AssessmentItemOptions.DeductionPerPoint"/> per percentage point below, not under 0 (第五条).</summary>
    DeductPerPoint,
}
