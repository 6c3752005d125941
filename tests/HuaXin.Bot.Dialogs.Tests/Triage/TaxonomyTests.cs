using HuaXin.Bot.Dialogs.Tests.Support;
using HuaXin.Bot.Dialogs.Triage;

namespace HuaXin.Bot.Dialogs.Tests.Triage;

public sealed class TaxonomyTests
{
    // 十项帮扶承诺: code, department, first contact (h), urgent first contact (h), resolution.
    public static TheoryData<string, string, double, double, string> Promises => new()
    {
        { "hardship_aid", "集团工会", 24, 24, "7个工作日" },
        { "medical", "集团工会", 4, 1, "3天" },
        { "family_care", "车间工会", 12, 2, "3天" },
        { "volunteer", "团委", 24, 4, "3天" },
        { "home_repair", "后勤管理中心", 24, 4, "3天" },
        { "logistics", "后勤管理中心", 24, 24, "5天" },
        { "child_education", "集团工会", 48, 48, "15天" },
        { "legal_aid", "办公室", 48, 48, "15天" },
        { "counselling", "党委工作部", 24, 2, "7天" },
        { "retiree", "离退休服务站", 24, 24, "5天" },
        { "complaint", "党委工作部", 48, 48, "7天" },
    };

    [Theory]
    [MemberData(nameof(Promises))]
    public void Shipped_taxonomy_keeps_the_promised_time_limits(string code, string department, double contact, double urgent, string resolution)
    {
        var category = TestData.Taxonomy.Get(code);

        Assert.Equal(department, category.Department);
        Assert.Equal(TimeSpan.FromHours(contact), category.FirstContactWithin(urgent: false));
        Assert.Equal(TimeSpan.FromHours(urgent), category.FirstContactWithin(urgent: true));
        Assert.Equal(resolution, category.ResolutionText);
        Assert.Contains("phone", category.Required);
        Assert.Contains("description", category.Required);
    }

    [Fact]
    public void Shipped_taxonomy_has_exactly_the_eleven_categories() =>
        Assert.Equal(Promises.Select(p => (string)p[0]).Order(), TestData.Taxonomy.Categories.Select(c => c.Code).Order());

    [Theory]
    [InlineData("home_repair", "address")]
    [InlineData("family_care", "relation")]
    [InlineData("family_care", "city")]
    public void Categories_require_what_they_cannot_work_without(string code, string slot) =>
        Assert.Contains(slot, TestData.Taxonomy.Get(code).Required);

    [Fact]
    public void Bad_file_is_rejected_with_a_reason()
    {
        var yaml = File.ReadAllText(TestData.TaxonomyPath).Replace("required: [phone, address, description]", "required: [phone, adress, description]");

        var error = Assert.Throws<InvalidDataException>(() => Taxonomy.Parse(yaml));
        Assert.Contains("adress", error.Message);
    }

    [Fact]
    public async Task Classifier_cues_are_data_so_a_new_keyword_changes_the_category()
    {
        var yaml = File.ReadAllText(TestData.TaxonomyPath).Replace("keywords: {维修: 3,", "keywords: {蜂窝煤: 9, 维修: 3,");

        var understanding = new HuaXin.Bot.Dialogs.Understanding.RequestUnderstanding(Taxonomy.Parse(yaml), TestData.Clock(), TestData.Model);

        Assert.Equal("home_repair", (await understanding.UnderstandAsync("蜂窝煤炉子帮我弄一下 13805312266", CancellationToken.None)).Category);
    }
}
