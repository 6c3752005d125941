namespace HuaXin.Bot.Families.Records;

/// <summary>One 救助资金 payment of an aid case: amount and date (by bank transfer to the worker, 第十六条).</summary>
public sealed class AidPayment
{
    public long Id { get; set; }
    public long AidCaseId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PaidOn { get; set; }
    public string? Note { get; set; }
    public required string RecordedBy { get; set; }
    public string? RecordedByName { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
