using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Reports.Archive;

/// <summary>Family archives as export tables: families, members, and every contact on every request, as
/// <paramref name="reader"/> may see them on the archive pages: admins everything; staff the phone numbers masked and
/// the contacts of other departments' requests left out (those departments' records, like on the page).</summary>
public static class ArchiveTables
{
    private const string OtherDepartment = "办理记录仅该部门可见";

    public static IReadOnlyList<ReportTable> From(IReadOnlyList<FamilyArchive> archives, StaffMember reader)
    {
        var phone = (string? p) => reader.Role == StaffRole.Admin ? p : PhoneMask.Mask(p);
        return
        [
            new("服务家庭", ["工号", "职工姓名", "单位/车间", "电话", "籍贯", "登记时间", "家庭成员数", "诉求数", "最近服务联系"],
                archives.Select(a => Row(a.StaffId, a.WorkerName, a.Unit, phone(a.Phone), a.Hometown, a.RegisteredAt, a.Members.Count, a.Requests.Count, a.LastContactAt)).ToList()),
            new("家庭成员", ["工号", "姓名", "关系", "电话", "地址"],
                archives.SelectMany(a => a.Members.Select(m => Row(a.StaffId, m.Name, m.Relation, phone(m.Phone), m.Address))).ToList()),
            new("服务记录", ["工号", "编号", "类别", "承办部门", "时间", "环节", "状态", "经办", "说明", "评价"],
                archives.SelectMany(a => a.Requests.SelectMany(r => reader.MayActOn(r.Department)
                    ? r.Contacts.Select(c => Row(a.StaffId, r.Number, r.Category, r.Department, c.At, c.Action, c.Status, c.Actor, c.Note, r.Rating))
                    : [Row(a.StaffId, r.Number, r.Category, r.Department, r.CreatedAt, null, r.Status, null, OtherDepartment, r.Rating)])).ToList()),
        ];
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
