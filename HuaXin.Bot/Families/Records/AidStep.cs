namespace HuaXin.Bot.Families.Records;

/// <summary>One step of an aid case: 申请, 初审, 审批, 不予批准, 发放, 结案, 备注, 协办, 取消协办, 提醒, 超时 — who, when, why.</summary>
public sealed class AidStep
{
    public long Id { get; set; }
    public long AidCaseId { get; set; }
    public required string Action { get; set; }
    public string? FromStatus { get; set; }
    public required string ToStatus { get; set; }
    public required string Actor { get; set; }
    public string? ActorName { get; set; }
    public string? ActorDepartment { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset At { get; set; }
}
