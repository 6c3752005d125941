namespace HuaXin.Bot.Knowledge;

/// <summary>Finds the knowledge files whether the host runs from the repository (content root HuaXin.Bot/,
/// files at the repository root), from tests, or published (files next to the binaries).</summary>
public static class KnowledgePaths
{
    public static string Resolve(string configured, string contentRoot)
    {
        if (Path.IsPathRooted(configured))
        {
            return configured;
        }
        var candidates = new[]
        {
            Path.GetFullPath(configured, contentRoot),
            Path.GetFullPath(configured, Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentRoot))) ?? contentRoot),
            Path.GetFullPath(configured, AppContext.BaseDirectory),
        };
        return candidates.FirstOrDefault(p => File.Exists(p) || Directory.Exists(p)) ?? candidates[0];
    }
}
