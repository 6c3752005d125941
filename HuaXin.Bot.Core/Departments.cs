namespace HuaXin.Bot.Core;

/// <summary>The departments of the linked family service, which work tickets and may each bind one DingTalk group.
/// The taxonomy's categories route only to these (a test holds them to it).</summary>
public static class Departments
{
    /// <summary>Supervises the service: receives escalations and 不满意 ratings (督办).</summary>
    public const string Supervisor = "党委工作部";

    public static readonly IReadOnlyList<string> All = [Supervisor, "集团工会", "车间工会", "办公室", "宣传部", "团委", "后勤管理中心", "离退休服务站"];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
