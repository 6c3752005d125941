using HuaXin.Bot.Families.Records;
using HuaXin.Bot.People;

namespace HuaXin.Bot.Families.Tracking;

public enum VisitState
{
    OnTime,
    /// <summary>Due within <see cref="VisitRuleOptions.RemindDaysBefore"/>.</summary>
    DueSoon,
    Overdue,
}

/// <summary>When a family's next home visit falls due: an interval after the last 上门走访 (or after the family was
/// registered), shorter for 重点服务家庭.</summary>
public sealed record VisitDue(DateTimeOffset? LastHomeVisit, DateTimeOffset Due, bool Priority, int IntervalDays)
{
    public VisitState StateAt(DateTimeOffset now, VisitRuleOptions rules) =>
        now >= Due ? VisitState.Overdue : now >= Due.AddDays(-rules.RemindDaysBefore) ? VisitState.DueSoon : VisitState.OnTime;
}

public static class VisitSchedule
{
    /// <summary>重点服务家庭: marked so, or a 困难职工家庭 (an aid case approved within the last year, 第三条).</summary>
    public static bool IsPriority(Worker family, IEnumerable<AidCase> familyCases, DateTimeOffset now) =>
        family.Priority || familyCases.Any(a => a.ApprovedAmount is not null && a.Status is AidStatus.Approved or AidStatus.Closed && a.AppliedAt > now.AddYears(-1));

    public static VisitDue Due(Worker family, DateTimeOffset? lastHomeVisit, bool priority, VisitRuleOptions rules)
    {
        var interval = priority ? rules.PriorityIntervalDays : rules.RegularIntervalDays;
        return new VisitDue(lastHomeVisit, (lastHomeVisit ?? family.RegisteredAt).AddDays(interval), priority, interval);
    }

    /// <summary>How many home visits the rule asks for in a period: one per interval, at least one.</summary>
    public static int Required(bool priority, TimeSpan period, VisitRuleOptions rules) =>
        Math.Max(1, (int)Math.Floor(period.TotalDays / (priority ? rules.PriorityIntervalDays : rules.RegularIntervalDays)));
}
