namespace HuaXin.Bot.Dialogs.Understanding;

/// <summary>FNV-1a over a feature's name: stable across processes and machines, unlike string.GetHashCode, so fitted
/// weights stay valid wherever they are loaded.</summary>
public static class FeatureHash
{
    public static uint Of(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s)
        {
            h ^= c;
            h *= 16777619;
        }
        return h;
    }

    public static int Bucket(ReadOnlySpan<char> s, int buckets) => (int)(Of(s) % (uint)buckets);

    /// <summary>A cue score as a feature: log(1 + score), so one strong cue does not drown the rest.</summary>
    public static float LogScore(double score) => (float)Math.Log(1 + Math.Max(0, score));
}
