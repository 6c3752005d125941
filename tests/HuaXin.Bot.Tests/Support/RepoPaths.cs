using System.Runtime.CompilerServices;

namespace HuaXin.Bot.Tests.Support;

/// <summary>Locations in the repository, found by walking up to HuaXin.Bot.sln from the test binaries, or from this
/// source file when the binaries are built elsewhere (dotnet build --artifacts-path).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "HuaXin.Bot.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new InvalidOperationException("HuaXin.Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
