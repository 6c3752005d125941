namespace HuaXin.Bot.Tests.Support;

/// <summary>Locations in the repository, found from the test binaries by walking up to HuaXin.Bot.sln.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HuaXin.Bot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HuaXin.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
