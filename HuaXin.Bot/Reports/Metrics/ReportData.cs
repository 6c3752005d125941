using HuaXin.Bot.Data;
using HuaXin.Bot.Families;

namespace HuaXin.Bot.Reports.Metrics;

/// <summary>Everything the reports of one period are computed from, read once; the calculations over it are pure.</summary>
/// <param name="AsOf">When the report is made: an unaccepted or unresolved request counts as late once its due time is before this.</param>
/// <param name="Requests">Requests created before the period's end and either created in the repeat window before it or
/// changed since its start, with their history.</param>
/// <param name="Feedback">有用/没用 ratings of answers in the period; an abstention is recorded as 没用 without citations.</param>
/// <param name="Unanswered">Questions the knowledge base abstained on in the period.</param>
/// <param name="DocumentTitles">Knowledge document id → title, to name question topics.</param>
/// <param name="CategoryNames">Request category code → its name in the taxonomy.</param>
public sealed record ReportData(
    ReportPeriod Period,
    DateTimeOffset AsOf,
    IReadOnlyList<Worker> Workers,
    FamilyResolver Families,
    IReadOnlyList<ServiceRequest> Requests,
    IReadOnlyList<AnswerFeedbackRow> Feedback,
    IReadOnlyList<UnansweredQuestion> Unanswered,
    IReadOnlyDictionary<string, string> DocumentTitles,
    IReadOnlyDictionary<string, string> CategoryNames)
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
}
