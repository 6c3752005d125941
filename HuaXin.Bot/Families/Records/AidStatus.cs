namespace HuaXin.Bot.Families.Records;

/// <summary>Aid case statuses: 待初审 → 待审批 → 已批准 → 已结案, or 未批准.</summary>
public static class AidStatus
{
    public const string AwaitingCheck = "待初审";
    public const string AwaitingDecision = "待审批";
    public const string Approved = "已批准";
    public const string Rejected = "未批准";
    public const string Closed = "已结案";

    public static readonly IReadOnlyList<string> All = [AwaitingCheck, AwaitingDecision, Approved, Rejected, Closed];

    /// <summary>Still with staff: not decided, or approved and still paying.</summary>
    public static bool IsOpen(string status) => status is AwaitingCheck or AwaitingDecision or Approved;

    /// <summary>Waiting for a decision, which the 7-working-day limit is about.</summary>
    public static bool IsUndecided(string status) => status is AwaitingCheck or AwaitingDecision;
}
