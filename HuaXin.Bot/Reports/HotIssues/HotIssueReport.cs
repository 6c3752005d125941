namespace HuaXin.Bot.Reports.HotIssues;

/// <summary>A unit's quarterly list of workers' and families' hot issues for the 党支部书记述职 (述职评议办法 第五、八条).</summary>
public sealed record HotIssueReport(
    string Unit,
    ReportPeriod Period,
    IReadOnlyList<TopicCount> QuestionTopics,
    IReadOnlyList<TopicCount> RequestCategories,
    IReadOnlyList<OpenItem> OpenItems,
    IReadOnlyList<RatingComment> Comments);

/// <param name="Topic">The cited document's title, "知识库未覆盖的问题" for abstentions, or the request category.</param>
/// <param name="Examples">Up to three questions asked under the topic, so the secretary can say what was asked.</param>
public sealed record TopicCount(string Topic, int Count, IReadOnlyList<string> Examples);

/// <summary>A request still open at report time, or one resolved late. <see cref="Number"/> is for staff pages only; the
/// report itself names no tickets.</summary>
public sealed record OpenItem(string Number, string Category, string Department, string Status, DateTimeOffset CreatedAt, DateTimeOffset ResolveDue,
    DateTimeOffset? ResolvedAt, bool Overdue, string Requester)
{
    /// <summary>What was asked, without ticket numbers.</summary>
    public string Summary { get; init; } = "";
}

public sealed record RatingComment(string Number, string Category, string Rating, string Comment, DateTimeOffset? At);
