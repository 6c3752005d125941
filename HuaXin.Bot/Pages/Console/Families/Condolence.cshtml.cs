using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>记录慰问: occasion, gift or amount, who brought it.</summary>
public sealed class CondolenceModel(ServiceRecords records, FamilyAccess access, TimeProvider time) : RecordFormModel<CondolenceInput>(access, time)
{
    protected override Task<RecordOutcome> SaveAsync(string staffId, CondolenceInput input, StaffMember staff, CancellationToken ct) =>
        records.AddCondolenceAsync(staffId, input, staff, ct);
}
