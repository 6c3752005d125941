using System.Runtime.CompilerServices;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Tests.Architecture;

public class DepartmentsTests
{
    [Fact]
    public void The_taxonomy_routes_only_to_departments_that_work_tickets()
    {
        var taxonomy = Taxonomy.Load(TaxonomyPath());

        Assert.Subset(Departments.All.ToHashSet(), taxonomy.Departments.ToHashSet());
    }

    private static string TaxonomyPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "knowledge", "taxonomy.yaml"));
}
