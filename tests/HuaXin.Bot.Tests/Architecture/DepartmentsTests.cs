using System.Runtime.CompilerServices;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Triage;
using HuaXin.Bot.Families.Records;

namespace HuaXin.Bot.Tests.Architecture;

public class DepartmentsTests
{
    [Fact]
    public void The_taxonomy_routes_only_to_departments_that_work_tickets()
    {
        var taxonomy = Taxonomy.Load(TaxonomyPath());

        Assert.Subset(Departments.All.ToHashSet(), taxonomy.Departments.ToHashSet());
    }

    [Fact]
    public void The_departments_are_the_taxonomys_list_including_one_no_category_routes_to()
    {
        Assert.Equal(["党委工作部", "集团工会", "车间工会", "办公室", "宣传部", "团委", "后勤管理中心", "离退休服务站"], Departments.All);
        Assert.Equal("党委工作部", Departments.Supervisor);
        Assert.DoesNotContain("宣传部", Taxonomy.Load(TaxonomyPath()).Departments);
    }

    [Fact]
    public void The_departments_the_policies_name_are_in_the_list() =>
        Assert.All([AidTerms.Lead, AidTerms.FirstCheck, Volunteers.Organizer], d => Assert.True(Departments.IsKnown(d), d));

    private static string TaxonomyPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "knowledge", "taxonomy.yaml"));
}
