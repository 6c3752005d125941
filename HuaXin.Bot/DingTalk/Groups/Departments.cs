namespace HuaXin.Bot.DingTalk.Groups;

/// <summary>The departments that work tickets, each of which may bind one DingTalk group.</summary>
public static class Departments
{
    public static readonly IReadOnlyList<string> All =
        ["党委工作部", "集团工会", "车间工会", "办公室", "宣传部", "团委", "后勤管理中心", "离退休服务站"];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
