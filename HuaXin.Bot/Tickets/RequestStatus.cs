namespace HuaXin.Bot.Tickets;

/// <summary>Service request statuses as staff and requesters read them. Which of them count as open is <see cref="Ticket"/>'s.</summary>
public static class RequestStatus
{
    public const string Pending = "待受理";
    public const string Accepted = "已受理";
    public const string InProgress = "处理中";
    public const string Resolved = "已办结";
    public const string Rated = "已评价";
    public const string Withdrawn = "已撤回";
    /// <summary>Returned to the requester for more information (退回).</summary>
    public const string NeedsInfo = "待补充";
}
