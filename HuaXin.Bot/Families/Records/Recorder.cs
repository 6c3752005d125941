using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Families.Records;

/// <summary>Who records a service and when: the signed-in staff member ("channel:userId", name, department).</summary>
public sealed record Recorder(string Actor, string Name, string Department, DateTimeOffset At)
{
    public static Recorder Of(StaffMember staff, DateTimeOffset at) => new($"{staff.Channel}:{staff.UserId}", staff.Name, staff.Department, at);
}

/// <summary>The answer to a record form or step: whether it was saved, what to tell the clerk, and the record's id or number.</summary>
public sealed record RecordOutcome(bool Ok, string Message, string? Key = null)
{
    public static RecordOutcome Fail(string message) => new(false, message);

    public const string NoFamily = "没有找到这户家庭，或您无权查看它的档案。";
}
