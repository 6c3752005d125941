using HuaXin.Bot.Families;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Pages.Console.Families;

/// <summary>记录走访: the 走访记录表 as a form that works on a phone.</summary>
public sealed class VisitModel(ServiceRecords records, FamilyAccess access, TimeProvider time) : RecordFormModel<VisitInput>(access, time)
{
    protected override Task<RecordOutcome> SaveAsync(string staffId, VisitInput input, StaffMember staff, CancellationToken ct) =>
        records.AddVisitAsync(staffId, input, staff, ct);
}
