namespace HuaXin.Bot.Tickets;

/// <summary>The five-level satisfaction scale; the two lowest reopen the ticket under supervision (督办).</summary>
public static class Ratings
{
    public static readonly IReadOnlyList<string> All = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"];

    public static bool IsDissatisfied(string rating) => rating is "不满意" or "非常不满意";

    /// <summary>Finds the level a requester typed, preferring the longest match so 非常不满意 is not read as 满意.</summary>
    public static string? Parse(string text) =>
        All.OrderByDescending(r => r.Length).FirstOrDefault(r => text.StartsWith(r, StringComparison.Ordinal));
}
