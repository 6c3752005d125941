namespace HuaXin.Bot.Reports.Roster;

/// <summary>A roster column: its display name, the longest value it takes, and the header spellings units actually use.</summary>
public sealed record RosterColumn(string Name, bool Required, int MaxLength, params string[] Aliases)
{
    public IEnumerable<string> Names => [Name, .. Aliases];

    public bool IsIn(IReadOnlyList<string> headers) => Names.Any(headers.Contains);

    public static readonly RosterColumn StaffId = new("工号", true, 64, "职工工号");
    public static readonly RosterColumn WorkerName = new("姓名", true, 50, "职工姓名");
    public static readonly RosterColumn Unit = new("单位/车间", true, 100, "单位", "车间", "所在单位");
    public static readonly RosterColumn Phone = new("电话", false, 30, "手机", "联系电话", "手机号");
    public static readonly RosterColumn DingTalkId = new("钉钉ID", false, 100, "钉钉Id", "钉钉id", "钉钉");
    public static readonly RosterColumn TeamsId = new("Teams ID", false, 100, "TeamsID", "Teams Id", "Teams");
    public static readonly RosterColumn Hometown = new("籍贯", false, 100, "家乡");

    public static readonly RosterColumn MemberName = new("姓名", true, 50, "家属姓名");
    public static readonly RosterColumn Relation = new("关系", true, 20, "与职工关系");
    public static readonly RosterColumn Address = new("地址", false, 200, "家庭住址", "住址");

    public static readonly IReadOnlyList<RosterColumn> WorkerColumns = [StaffId, WorkerName, Unit, Phone, DingTalkId, TeamsId, Hometown];
    public static readonly IReadOnlyList<RosterColumn> FamilyColumns = [StaffId, MemberName, Relation, Phone, Address];
}
