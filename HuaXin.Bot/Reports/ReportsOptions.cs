using System.ComponentModel.DataAnnotations;

namespace HuaXin.Bot.Reports;

/// <summary>Settings under "Reports": the windows behind the follow-up and repeat-request metrics.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>回访 counts when the requester rated, or staff logged a contact, within this time after 办结
    /// (基层党群工作量化考核办法 第九条: 办结后7日内).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan FollowUpWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A request repeats when the same family asked in the same category within this time before it.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many entries the top-N lists (unanswered questions, hot topics) show.</summary>
    [Range(1, 100)]
    public int TopCount { get; set; } = 10;
}
