using System.Net;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>The query strings of issue 19's new pages are input too: a period no report can cover, a page or status that
/// does not exist, a case or family that is not there — each is answered in Chinese, never with a server error.</summary>
public sealed class NewPageQueryTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    [Theory]
    [InlineData("/console/coverage?year=2026&quarter=5", "季度只能是")]
    [InlineData("/console/coverage?year=9999&quarter=4", "日期超出范围")]
    [InlineData("/console/coverage?year=1&quarter=1", "日期超出范围")]
    public async Task A_coverage_period_no_report_can_cover_is_a_400_with_the_reason(string url, string reason)
    {
        var union = await app.SignedInAsync("union");

        using var response = await union.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/console/tickets?p=abc&status=乱写&overdue=maybe")]
    [InlineData("/console/tickets?p=-5")]
    [InlineData("/console/tickets?q=%25%25%25_%5B")]
    public async Task A_board_query_that_matches_nothing_shows_an_empty_board_not_an_error(string url)
    {
        var union = await app.SignedInAsync("union");

        using var response = await union.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("集团工会工单", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/console/aid/BF-20990101-0001")]
    [InlineData("/console/families/NOBODY")]
    [InlineData("/console/families/NOBODY/print")]
    [InlineData("/console/families/NOBODY/condolence")]
    [InlineData("/console/aid/new?family=NOBODY")]
    [InlineData("/console/volunteers/assign?family=NOBODY")]
    [InlineData("/console/tickets/HX-20990101-0001/print")]
    public async Task A_case_family_or_ticket_that_is_not_there_is_a_Chinese_404(string url)
    {
        var union = await app.SignedInAsync("union");

        using var response = await union.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到这个页面", await response.Content.ReadAsStringAsync());
    }
}
