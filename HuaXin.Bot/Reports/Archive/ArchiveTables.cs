using HuaXin.Bot.Reports.Export;
using HuaXin.Bot.Tickets;

namespace HuaXin.Bot.Reports.Archive;

/// <summary>Family archives as export tables: families, members, every contact on every request, and the service records,
/// as <paramref name="reader"/> may see them on the archive pages: admins everything; staff the phone numbers masked and
/// the contacts of other departments' requests left out (those departments' records, like on the page).</summary>
public static class ArchiveTables
{
    private const string OtherDepartment = "办理记录仅该部门可见";

    public static IReadOnlyList<ReportTable> From(IReadOnlyList<FamilyArchive> archives, StaffMember reader)
    {
        var phone = (string? p) => reader.Role == StaffRole.Admin ? p : PhoneMask.Mask(p);
        return
        [
            new("服务家庭", ["工号", "职工姓名", "单位/车间", "电话", "籍贯", "登记时间", "联络员", "重点服务家庭", "家庭成员数", "诉求数", "走访次数", "最近服务联系", "下次走访期限"],
                archives.Select(a => Row(a.StaffId, a.WorkerName, a.Unit, phone(a.Phone), a.Hometown, a.RegisteredAt, a.Liaison?.Name, a.Priority ? "是" : "否",
                    a.Members.Count, a.Requests.Count, a.Visits.Count, a.LastContactAt, a.NextVisit?.Due)).ToList()),
            new("家庭成员", ["工号", "姓名", "关系", "电话", "地址"],
                archives.SelectMany(a => a.Members.Select(m => Row(a.StaffId, m.Name, m.Relation, phone(m.Phone), m.Address))).ToList()),
            new("服务记录", ["工号", "编号", "类别", "承办部门", "申请人", "与职工关系", "时间", "环节", "状态", "经办", "说明", "评价"],
                archives.SelectMany(a => a.Requests.SelectMany(r => reader.MayActOn(r.Department)
                    ? r.Contacts.Select(c => Row(a.StaffId, r.Number, r.Category, r.Department, r.Requester, r.RequesterRelation, c.At, c.Action, c.Status, c.Actor,
                        c.Internal ? $"【内部】{c.Note}" : c.Note, r.Rating))
                    : [Row(a.StaffId, r.Number, r.Category, r.Department, r.Requester, r.RequesterRelation, r.CreatedAt, null, r.Status, null, OtherDepartment, r.Rating)])).ToList()),
            new("走访记录", ["工号", "走访时间", "方式", "走访人", "见到的家庭成员", "家庭近况", "需求和处理意见", "附件", "录入部门", "录入人"],
                archives.SelectMany(a => a.Visits.Select(v => Row(a.StaffId, v.VisitedAt, v.Mode, v.Visitors, v.MetMembers, v.Findings, v.FollowUp, v.Attachments,
                    v.Department, v.RecordedByName))).ToList()),
            new("慰问记录", ["工号", "慰问时间", "事由", "慰问品", "慰问金(元)", "慰问人", "备注", "附件", "录入部门"],
                archives.SelectMany(a => a.Condolences.Select(c => Row(a.StaffId, c.At, c.Occasion, c.Gift, c.Amount, c.Visitors, c.Note, c.Attachments, c.Department))).ToList()),
            new("帮扶救助", ["工号", "案件编号", "困难类型", "困难程度", "救助方式", "申请时间", "状态", "批准金额(元)", "已发放(元)", "主办部门", "协办部门"],
                archives.SelectMany(a => a.AidCases.Select(c => Row(a.StaffId, c.Number, c.HardshipType, c.Level, c.Kind, c.AppliedAt, c.Status, c.ApprovedAmount,
                    c.Payments.Sum(p => p.Amount), c.Department, string.Join("、", c.CoHandlers.Select(h => h.Department))))).ToList()),
            new("救助发放", ["工号", "案件编号", "发放日期", "金额(元)", "备注", "经办"],
                archives.SelectMany(a => a.AidCases.SelectMany(c => c.Payments.Select(p => Row(a.StaffId, c.Number, p.PaidOn, p.Amount, p.Note, p.RecordedByName)))).ToList()),
            new("志愿服务", ["工号", "志愿者", "服务类型", "派单时间", "服务日期", "时长(小时)", "关联工单", "派单部门"],
                archives.SelectMany(a => a.Volunteering.Select(v => Row(a.StaffId, v.Volunteer, v.Service.Kind, v.Service.AssignedAt, v.Service.ServedOn, v.Service.Hours,
                    v.Service.TicketNumber, v.Service.Department))).ToList()),
        ];
    }

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;
}
