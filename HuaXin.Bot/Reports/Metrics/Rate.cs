namespace HuaXin.Bot.Reports.Metrics;

/// <summary>A share with its counts, so a reader can check it; <see cref="Value"/> is null when nothing was counted.</summary>
public readonly record struct Rate(int Hits, int Total)
{
    public double? Value => Total == 0 ? null : (double)Hits / Total;

    public override string ToString() => Value is { } v ? $"{v:P1}（{Hits}/{Total}）" : "无数据";

    public static Rate Of<T>(IEnumerable<T> items, Func<T, bool> hit)
    {
        int hits = 0, total = 0;
        foreach (var item in items)
        {
            total++;
            if (hit(item))
            {
                hits++;
            }
        }
        return new Rate(hits, total);
    }
}
