using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Reports.Archive;

/// <summary>Merges a family's tickets and service records into one timeline (动态追踪), newest first.</summary>
public static class Timeline
{
    public static IReadOnlyList<TimelineEntry> Of(FamilyArchive family)
    {
        var entries = new List<TimelineEntry>();
        entries.AddRange(family.Requests.Select(r => new TimelineEntry(r.CreatedAt, "诉求", $"{r.Category}（{r.Status}）",
            r.Result is null ? r.OriginalText : $"办理结果：{r.Result}", r.Department, r.Number)));
        entries.AddRange(family.Visits.Select(v => new TimelineEntry(v.VisitedAt, "走访", $"{v.Mode}：{v.Visitors}",
            Join(v.MetMembers is null ? null : $"见到：{v.MetMembers}", v.Findings, v.FollowUp is null ? null : $"需求和处理：{v.FollowUp}"), v.Department)));
        entries.AddRange(family.Condolences.Select(c => new TimelineEntry(c.At, "慰问", $"{c.Occasion}慰问：{Join(c.Gift, c.Amount is { } a ? $"慰问金{a:0.##}元" : null)}",
            Join($"慰问人：{c.Visitors}", c.Note), c.Department)));
        foreach (var aid in family.AidCases)
        {
            entries.Add(new TimelineEntry(aid.AppliedAt, "帮扶救助", $"{aid.Kind}申请（{aid.Status}）", $"{aid.HardshipType}，{aid.Level}：{aid.Application}", aid.Department, aid.Number));
            entries.AddRange(aid.Payments.Select(p => new TimelineEntry(ServiceTime.FromLocal(p.PaidOn.ToDateTime(TimeOnly.MinValue)), "救助发放",
                $"发放救助资金{p.Amount:0.##}元", p.Note, aid.Department, aid.Number)));
        }
        entries.AddRange(family.Volunteering.Select(v => new TimelineEntry(
            v.Service.ServedOn is { } day ? ServiceTime.FromLocal(day.ToDateTime(TimeOnly.MinValue)) : v.Service.AssignedAt, "志愿服务",
            $"志愿者{v.Volunteer}：{v.Service.Kind}" + (v.Service.Hours is { } h ? $"，{h:0.#}小时" : "（已派单）"), v.Service.Note, v.Service.Department, v.Service.TicketNumber)));
        return entries.OrderByDescending(e => e.At).ToList();
    }

    private static string? Join(params string?[] parts) => parts.Any(p => p is not null) ? string.Join("；", parts.OfType<string>()) : null;
}
