using HuaXin.Bot.Data;
using HuaXin.Bot.Tickets;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Reports.Metrics;

/// <summary>Computes the service metrics of a period. Requests belong to the period they were created in.</summary>
/// <remarks>Definitions (also on the dashboard page):
/// 受理及时率 — accepted by FirstContactDue ÷ requests that were accepted or are past FirstContactDue unaccepted
/// (withdrawn before acceptance left out); 按时办结率 — first 办结 by ResolveDue ÷ requests resolved or past ResolveDue
/// (withdrawn before 办结 left out); times — from creation to acceptance and to the first 办结; 满意率 — 非常满意, 满意 or
/// 基本满意 ÷ rated; 回访率 — resolved requests rated, or with a staff 备注, within <see cref="ReportsOptions.FollowUpWindow"/>
/// after the first 办结 ÷ resolved; repeat rate — requests whose family (or, unregistered, the same requester) filed one
/// in the same category within <see cref="ReportsOptions.RepeatWindow"/> before ÷ requests; self-service share — answers
/// rated 有用 ÷ all outcomes the bot knows of (answers rated 有用 or 没用, and abstentions, each of which offers 转人工);
/// answers nobody rated are not recorded and so not counted.</remarks>
public sealed class MetricsCalculator(IOptions<ReportsOptions> options)
{
    public const string All = "全部";

    private static readonly string[] Satisfied = ["非常满意", "满意", "基本满意"];

    public IReadOnlyList<ServiceMetrics> ByDepartment(ReportData data) =>
        [.. Groups(data, r => r.Department, selfServedBy: null), Compute(data, All, data.CreatedInPeriod.ToList(), data.Feedback)];

    public IReadOnlyList<ServiceMetrics> ByUnit(ReportData data) =>
        [.. Groups(data, data.UnitOf, selfServedBy: data.UnitOf), Compute(data, All, data.CreatedInPeriod.ToList(), data.Feedback)];

    public ServiceMetrics Overall(ReportData data) => Compute(data, All, data.CreatedInPeriod.ToList(), data.Feedback);

    /// <summary>Per unit with registered families: families with a service contact in the period (any request activity,
    /// 走访, 慰问, aid step or payment, volunteer service).</summary>
    public IReadOnlyList<Coverage> Coverage(ReportData data)
    {
        var contacted = data.ContactedFamilies();
        return data.Workers.Where(w => w.RegisteredAt < data.Period.To)
            .GroupBy(w => w.Unit)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Coverage(g.Key, g.Count(), g.Count(w => contacted.Contains(w.Id))))
            .ToList();
    }

    /// <summary>Questions the knowledge base abstained on in the period, most asked first (same text after trimming).</summary>
    public IReadOnlyList<QuestionCount> TopUnanswered(ReportData data) =>
        data.Unanswered.GroupBy(q => q.Question.Trim())
            .Select(g => new QuestionCount(g.Key, g.Count()))
            .OrderByDescending(q => q.Count).ThenBy(q => q.Question, StringComparer.Ordinal)
            .Take(options.Value.TopCount)
            .ToList();

    /// <summary>Requests per week (weeks start on Monday, China time) over the period, empty weeks included.</summary>
    public IReadOnlyList<(DateOnly WeekStart, int Requests)> Weekly(ReportData data)
    {
        var counts = data.CreatedInPeriod.GroupBy(r => WeekStart(r.CreatedAt)).ToDictionary(g => g.Key, g => g.Count());
        var weeks = new List<(DateOnly, int)>();
        for (var week = WeekStart(data.Period.From); week <= data.Period.LastDay; week = week.AddDays(7))
        {
            weeks.Add((week, counts.GetValueOrDefault(week)));
        }
        return weeks;
    }

    public static DateTimeOffset? FirstResolvedAt(ServiceRequest r) =>
        r.History.Where(h => h.Action == "办结").Select(h => (DateTimeOffset?)h.At).Min() ?? r.ResolvedAt;

    private IEnumerable<ServiceMetrics> Groups(ReportData data, Func<ServiceRequest, string> key, Func<AnswerFeedbackRow, string>? selfServedBy)
    {
        var requests = data.CreatedInPeriod.ToLookup(key);
        var feedback = selfServedBy is null ? null : data.Feedback.ToLookup(selfServedBy);
        var names = requests.Select(g => g.Key).Concat(feedback?.Select(g => g.Key) ?? []).Distinct().Order(StringComparer.Ordinal);
        return names.Select(name => Compute(data, name, requests[name].ToList(), feedback?[name] ?? []));
    }

    private ServiceMetrics Compute(ReportData data, string group, IReadOnlyList<ServiceRequest> requests, IEnumerable<AnswerFeedbackRow> feedback)
    {
        var window = options.Value;
        var asOf = data.AsOf;
        var acceptable = requests.Where(r => r.AcceptedAt is not null || (r.Status != RequestStatus.Withdrawn && r.FirstContactDue < asOf));
        var resolvable = requests.Where(r => FirstResolvedAt(r) is not null || (r.Status != RequestStatus.Withdrawn && r.ResolveDue < asOf));
        var resolved = requests.Where(r => FirstResolvedAt(r) is not null).ToList();
        return new ServiceMetrics(
            group,
            requests.Count,
            requests.GroupBy(r => data.CategoryName(r.Category))
                .Select(g => new CategoryCount(g.Key, g.Count()))
                .OrderByDescending(c => c.Count).ThenBy(c => c.Category, StringComparer.Ordinal).ToList(),
            Rate.Of(acceptable, r => r.AcceptedAt <= r.FirstContactDue),
            Rate.Of(resolvable, r => FirstResolvedAt(r) <= r.ResolveDue),
            Duration.Of(requests.Where(r => r.AcceptedAt is not null).Select(r => r.AcceptedAt!.Value - r.CreatedAt)),
            Duration.Of(resolved.Select(r => FirstResolvedAt(r)!.Value - r.CreatedAt)),
            Rate.Of(requests.Where(r => r.Rating is not null), r => Satisfied.Contains(r.Rating)),
            Rate.Of(resolved, r => FollowedUp(r, window.FollowUpWindow)),
            Rate.Of(requests, r => IsRepeat(data, r, window.RepeatWindow)),
            Rate.Of(feedback, f => f.Helpful && f.CitedDocIds.Length > 0));
    }

    private static bool FollowedUp(ServiceRequest r, TimeSpan window)
    {
        var resolvedAt = FirstResolvedAt(r)!.Value;
        return r.History.Any(h => h.Action is "评价" or "备注" && h.At > resolvedAt && h.At <= resolvedAt + window);
    }

    private static bool IsRepeat(ReportData data, ServiceRequest r, TimeSpan window)
    {
        var family = FamilyKey(data, r);
        return data.Requests.Any(other => other.Id != r.Id && other.Category == r.Category
            && other.CreatedAt < r.CreatedAt && other.CreatedAt >= r.CreatedAt - window
            && FamilyKey(data, other) == family);
    }

    private static string FamilyKey(ReportData data, ServiceRequest r) =>
        data.FamilyOf(r) is { } worker ? $"family:{worker.Id}" : $"{r.Channel}:{r.UserId}";

    private static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.ToOffset(ReportPeriod.ChinaOffset).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }
}
