using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;

namespace HuaXin.Bot.Reports.Metrics;

/// <summary>Everything the reports of one period are computed from, read once; the calculations over it are pure.</summary>
/// <param name="AsOf">When the report is made: an unaccepted or unresolved request counts as late once its due time is before this.</param>
/// <param name="Requests">Requests created before the period's end and either created in the repeat window before it or
/// changed since its start, with their history.</param>
/// <param name="Feedback">有用/没用 ratings of answers in the period; an abstention is recorded as 没用 without citations.</param>
/// <param name="Unanswered">Questions the knowledge base abstained on in the period.</param>
/// <param name="DocumentTitles">Knowledge document id → title, to name question topics.</param>
/// <param name="CategoryNames">Request category code → its name in the taxonomy.</param>
/// <param name="Records">走访, 慰问, aid cases and volunteer services.</param>
public sealed record ReportData(
    ReportPeriod Period,
    DateTimeOffset AsOf,
    IReadOnlyList<Worker> Workers,
    FamilyResolver Families,
    IReadOnlyList<ServiceRequest> Requests,
    IReadOnlyList<AnswerFeedbackRow> Feedback,
    IReadOnlyList<UnansweredQuestion> Unanswered,
    IReadOnlyDictionary<string, string> DocumentTitles,
    IReadOnlyDictionary<string, string> CategoryNames,
    ServiceRecordSet Records)
{
    /// <summary>The unit shown for requests whose requester is in no registered family.</summary>
    public const string UnregisteredUnit = "未登记家庭";

    public Worker? FamilyOf(ServiceRequest request) => Families.Find(request.Channel, request.UserId);

    public string UnitOf(ServiceRequest request) => FamilyOf(request)?.Unit ?? UnregisteredUnit;

    public string UnitOf(AnswerFeedbackRow feedback) => Families.Find(feedback.Channel, feedback.UserId)?.Unit ?? UnregisteredUnit;

    public string CategoryName(string code) => CategoryNames.GetValueOrDefault(code, code);

    /// <summary>Units with registered families, then any other unit requests came from, in name order.</summary>
    public IReadOnlyList<string> Units => Workers.Select(w => w.Unit).Distinct().Order(StringComparer.Ordinal).ToList();

    public IEnumerable<ServiceRequest> CreatedInPeriod => Requests.Where(r => Period.Contains(r.CreatedAt));

    /// <summary>The families (worker ids) with any service contact in the period: a ticket's creation or step, a 走访, a
    /// 慰问, an aid step or payment, a volunteer sent or serving.</summary>
    public HashSet<long> ContactedFamilies()
    {
        var contacted = Requests
            .Where(r => Period.Contains(r.CreatedAt) || r.History.Any(h => Period.Contains(h.At)))
            .Select(r => FamilyOf(r)?.Id).OfType<long>().ToHashSet();
        contacted.UnionWith(Records.Visits.Where(v => Period.Contains(v.VisitedAt)).Select(v => v.WorkerId));
        contacted.UnionWith(Records.Condolences.Where(c => Period.Contains(c.At)).Select(c => c.WorkerId));
        contacted.UnionWith(Records.AidCases.Where(a => a.Steps.Any(s => Period.Contains(s.At)) || a.Payments.Any(p => Contains(p.PaidOn))).Select(a => a.WorkerId));
        contacted.UnionWith(Records.Volunteering.Where(v => Period.Contains(v.AssignedAt) || v.ServedOn is { } day && Contains(day)).Select(v => v.WorkerId));
        return contacted;
    }

    public bool Contains(DateOnly day) => day >= Period.FirstDay && day <= Period.LastDay;
}
