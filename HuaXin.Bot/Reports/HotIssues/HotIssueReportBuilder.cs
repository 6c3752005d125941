using HuaXin.Bot.Core;
using HuaXin.Bot.Reports.Metrics;
using HuaXin.Bot.Tickets;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Reports.HotIssues;

/// <summary>Builds a unit's <see cref="HotIssueReport"/> from the period's questions, requests and ratings.</summary>
/// <remarks>Question topics come from the answers' 有用/没用 records (which also hold every abstention): the title of the
/// first cited document, else "知识库未覆盖的问题". Request topics are the request categories. Open items are the unit's
/// requests created by the period's end that are still open, or were resolved after their due time. Every staff member
/// reads it, so what people wrote (questions, requests, comments) is quoted with mobile numbers masked; ticket commands
/// and texts naming ticket numbers are not hot issues: the report is read aloud at the 述职 and printed, so it names no tickets.</remarks>
public sealed class HotIssueReportBuilder(IOptions<ReportsOptions> options)
{
    public const string Uncovered = "知识库未覆盖的问题";

    public HotIssueReport Build(ReportData data, string unit)
    {
        var top = options.Value.TopCount;
        var questions = data.Feedback.Where(f => data.UnitOf(f) == unit && !TicketNumbers.IsTicketTalk(f.Question))
            .GroupBy(f => f.CitedDocIds.Split(',', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } doc
                ? data.DocumentTitles.GetValueOrDefault(doc, doc)
                : Uncovered)
            .Select(g => new TopicCount(g.Key, g.Count(), g.Select(f => MobileNumber.MaskAll(f.Question.Trim())).Distinct().Take(3).ToList()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Topic, StringComparer.Ordinal).Take(top).ToList();

        var unitRequests = data.Requests.Where(r => data.UnitOf(r) == unit).ToList();
        var categories = unitRequests.Where(r => data.Period.Contains(r.CreatedAt))
            .GroupBy(r => data.CategoryName(r.Category))
            .Select(g => new TopicCount(g.Key, g.Count(), g.Select(r => MobileNumber.MaskAll(TicketNumbers.Strip(r.OriginalText))).Where(t => t.Length > 0).Distinct().Take(3).ToList()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Topic, StringComparer.Ordinal).Take(top).ToList();

        var open = unitRequests
            .Select(r => (Request: r, Resolved: MetricsCalculator.FirstResolvedAt(r)))
            .Where(x => Ticket.IsOpen(x.Request.Status) || (x.Resolved is { } at && at > x.Request.ResolveDue && data.Period.Contains(at)))
            .Select(x => new OpenItem(x.Request.Number, data.CategoryName(x.Request.Category), x.Request.Department, x.Request.Status,
                x.Request.CreatedAt, x.Request.ResolveDue, x.Resolved,
                Overdue: (x.Resolved ?? data.AsOf) > x.Request.ResolveDue,
                data.FamilyOf(x.Request)?.Name ?? x.Request.RequesterName ?? x.Request.UserName ?? "未登记")
            {
                Summary = MobileNumber.MaskAll(TicketNumbers.Strip(x.Request.OriginalText)),
            })
            .OrderByDescending(i => i.Overdue).ThenBy(i => i.CreatedAt)
            .ToList();

        var comments = unitRequests
            .Where(r => r.Rating is not null && !string.IsNullOrWhiteSpace(r.RatingComment))
            .Select(r => (Request: r, At: r.History.Where(h => h.Action == "评价").Select(h => (DateTimeOffset?)h.At).Max()))
            .Where(x => x.At is { } at && data.Period.Contains(at))
            // Worst rating first (Ratings.All runs from 非常满意 to 非常不满意), so 不满意 leads, then the newest.
            .OrderByDescending(x => Ratings.All.ToList().IndexOf(x.Request.Rating!))
            .ThenByDescending(x => x.At)
            .Select(x => new RatingComment(x.Request.Number, data.CategoryName(x.Request.Category), x.Request.Rating!, MobileNumber.MaskAll(TicketNumbers.Strip(x.Request.RatingComment!)), x.At))
            .ToList();

        return new HotIssueReport(unit, data.Period, questions, categories, open, comments);
    }
}
