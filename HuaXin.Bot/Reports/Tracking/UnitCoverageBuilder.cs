using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Families.Tracking;
using HuaXin.Bot.Reports.Metrics;
using HuaXin.Bot.Tickets;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Reports.Tracking;

/// <summary>Builds a unit's <see cref="UnitCoverage"/> from a period's report data.</summary>
/// <remarks>Not visited — no 上门走访 in the period. Visit due — the next home visit under the visiting rule is due
/// within the reminder days or past, at report time. No follow-up — a ticket of the unit's families that is open with no
/// staff step yet (只有提交、提醒、超时), or that was resolved more than the follow-up window ago with no rating, staff note,
/// 走访 or 慰问 of the family within the window after its first 办结.</remarks>
public sealed class UnitCoverageBuilder(IOptions<ReportsOptions> options, IOptions<VisitRuleOptions> rules)
{
    private static readonly string[] NotStaffSteps = ["提交", "提醒", "超时", "补充", "撤回"];
    private static readonly string[] FollowUps = ["评价", "备注", "内部备注"];

    public UnitCoverage Build(ReportData data, string unit)
    {
        var period = data.Period;
        var settings = rules.Value;
        var families = data.Workers.Where(w => w.Unit == unit && w.RegisteredAt < period.To).OrderBy(w => w.StaffId).ToList();
        var ids = families.Select(f => f.Id).ToHashSet();
        var names = data.Workers.ToDictionary(w => w.Id, w => w.Name);
        var homeVisits = data.Records.Visits.Where(v => ids.Contains(v.WorkerId) && v.Mode == VisitModes.Home).ToLookup(v => v.WorkerId);
        var cases = data.Records.AidCases.Where(a => ids.Contains(a.WorkerId)).ToLookup(a => a.WorkerId);
        var contacted = data.ContactedFamilies();

        var visits = families.Select(f =>
        {
            var last = homeVisits[f.Id].Select(v => (DateTimeOffset?)v.VisitedAt).Max();
            var due = VisitSchedule.Due(f, last, VisitSchedule.IsPriority(f, cases[f.Id], data.AsOf), settings);
            var liaison = f.LiaisonId is { } l ? names.GetValueOrDefault(l) : null;
            return (Family: f, Visited: homeVisits[f.Id].Any(v => period.Contains(v.VisitedAt)),
                Row: new FamilyVisit(f.StaffId, f.Name, liaison, due.Priority, last, due.Due, due.StateAt(data.AsOf, settings)));
        }).ToList();

        var openCases = families.SelectMany(f => cases[f.Id].Where(a => AidStatus.IsOpen(a.Status))
                .Select(a => new OpenAidCase(a.Number, f.StaffId, f.Name, a.Kind, a.Status, a.Due, AidStatus.IsUndecided(a.Status) && a.Due < data.AsOf, a.Payments.Sum(p => p.Amount))))
            .OrderBy(a => a.Due).ToList();

        return new UnitCoverage(unit, period, families.Count, families.Count(f => contacted.Contains(f.Id)), visits.Count(v => v.Visited),
            visits.Where(v => !v.Visited).Select(v => v.Row).ToList(),
            visits.Where(v => v.Row.State != VisitState.OnTime).Select(v => v.Row).OrderBy(v => v.Due).ToList(),
            openCases,
            NoFollowUp(data, ids));
    }

    private List<UnfollowedTicket> NoFollowUp(ReportData data, HashSet<long> ids)
    {
        var window = options.Value.FollowUpWindow;
        var result = new List<UnfollowedTicket>();
        foreach (var r in data.Requests)
        {
            if (data.FamilyOf(r) is not { } family || !ids.Contains(family.Id) || !(data.Period.Contains(r.CreatedAt) || Ticket.IsOpen(r.Status)))
            {
                continue;
            }
            string? why = null;
            if (Ticket.IsOpen(r.Status) && r.History.All(h => NotStaffSteps.Contains(h.Action)))
            {
                why = r.Status == RequestStatus.Pending ? "未受理" : "无人跟进";
            }
            else if (MetricsCalculator.FirstResolvedAt(r) is { } resolved && resolved + window < data.AsOf
                && !r.History.Any(h => FollowUps.Contains(h.Action) && h.At > resolved && h.At <= resolved + window)
                && !data.Records.Visits.Any(v => v.WorkerId == family.Id && v.VisitedAt > resolved && v.VisitedAt <= resolved + window)
                && !data.Records.Condolences.Any(c => c.WorkerId == family.Id && c.At > resolved && c.At <= resolved + window))
            {
                why = "办结后未回访";
            }
            if (why is not null)
            {
                result.Add(new UnfollowedTicket(r.Number, family.StaffId, family.Name, data.CategoryName(r.Category), r.Department, r.Status, r.CreatedAt, why));
            }
        }
        return result.OrderBy(t => t.CreatedAt).ToList();
    }
}
