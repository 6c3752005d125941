using System.Runtime.CompilerServices;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Tests.Architecture;

public class DepartmentsTests
{
    [Fact]
    public void The_taxonomy_routes_to_exactly_the_departments_that_work_tickets()
    {
        var taxonomy = Taxonomy.Load(TaxonomyPath());

        Assert.Equal(Departments.All.Order(StringComparer.Ordinal), taxonomy.Departments.Order(StringComparer.Ordinal));
    }

    private static string TaxonomyPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "knowledge", "taxonomy.yaml"));
}
