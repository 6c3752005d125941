namespace HuaXin.Bot.Reports.Archive;

/// <summary>One thing done for a family, on its timeline.</summary>
/// <param name="Kind">诉求, 走访, 慰问, 帮扶救助, 救助发放 or 志愿服务.</param>
/// <param name="Key">The ticket or aid case number, when the entry is one.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string? Department, string? Key = null);
