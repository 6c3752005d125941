namespace HuaXin.Bot.StaffConsole;

/// <summary>The console's menu: each entry with the policy of the page it opens, so the menu shows a staff member only
/// what they may open (the pages carry the same policies).</summary>
public static class ConsoleMenu
{
    public sealed record Entry(string Href, string Label, string Policy);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("/console/tickets", "工单", ConsolePolicies.Staff),
        new("/console/families", "家庭档案", ConsolePolicies.Staff),
        new("/console/aid", "帮扶救助", ConsolePolicies.Staff),
        new("/console/volunteers", "志愿服务", ConsolePolicies.Staff),
        new("/console/coverage", "覆盖情况", ConsolePolicies.FamilyService),
        new("/console/reports", "统计报表", ConsolePolicies.Staff),
        new("/console/dashboard", "数据看板", ConsolePolicies.Staff),
        new("/console/knowledge", "知识库", ConsolePolicies.Admin),
    ];
}
