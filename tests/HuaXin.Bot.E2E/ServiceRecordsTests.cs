using System.Text.RegularExpressions;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuaXin.Bot.E2E;

/// <summary>工会 staff on a phone record a home visit, a 慰问 and an aid case through to a payment for one family, then
/// find them on the family's timeline, on the unit's coverage page and counted in the assessment, and print the unit's
/// 述职 hot-issue list for the quarter.</summary>
public sealed class ServiceRecordsTests(ITestOutputHelper output)
{
    private const string Password = "档案-测试-密码-2026";

    [ChromiumFact]
    public async Task Union_staff_record_a_visit_a_condolence_and_an_aid_payment_and_see_them_tracked_and_counted()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new ConsoleHost(Password);
        var baseUrl = host.Start();
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync())
        {
            db.Add(new Worker { StaffId = "HX2001", Name = "张建国", Unit = "一车间", Phone = "13905319876", RegisteredAt = DateTimeOffset.UtcNow.AddDays(-10) });
            await db.SaveChangesAsync();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN", IgnoreHTTPSErrors = true });
        var problems = Chromium.CollectProblems(page);
        SetDefaultExpectTimeout(30_000);
        var screenshot = Path.Combine(Chromium.ResultsDirectory(), "service-records.png");

        try
        {
            await page.GotoAsync($"{baseUrl}/console/login?returnUrl=%2Fconsole%2Ffamilies%2FHX2001");
            await page.Locator("input[name=userName]").FillAsync("union");
            await page.Locator("input[name=password]").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/console/families/HX2001$"));
            var timeline = page.Locator("ol.timeline");

            await page.GetByRole(AriaRole.Link, new() { Name = "记录走访" }).ClickAsync();
            await page.Locator("input[name='Input.Visitors']").FillAsync("刘联络员");
            await page.Locator("input[name='Input.MetMembers']").FillAsync("王秀英");
            await page.Locator("textarea[name='Input.Findings']").FillAsync("老人身体还好，冬衣不够");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存走访记录" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录上门走访");
            await Expect(timeline.Locator("li[data-kind=走访]")).ToContainTextAsync("刘联络员");

            await page.GetByRole(AriaRole.Link, new() { Name = "记录慰问" }).ClickAsync();
            await page.Locator("input[name='Input.Occasion']").FillAsync("春节");
            await page.Locator("input[name='Input.Visitors']").FillAsync("王工会");
            await page.Locator("input[name='Input.Amount']").FillAsync("500");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存慰问记录" }).ClickAsync();
            await Expect(timeline.Locator("li[data-kind=慰问]")).ToContainTextAsync("慰问金500元");

            await page.GetByRole(AriaRole.Link, new() { Name = "帮扶救助申请" }).ClickAsync();
            await page.Locator("select[name='Input.HardshipType']").SelectOptionAsync("重大疾病");
            await page.Locator("select[name='Input.Level']").SelectOptionAsync("一般困难");
            await page.Locator("select[name='Input.Kind']").SelectOptionAsync("一次性救助");
            await page.Locator("textarea[name='Input.Application']").FillAsync("母亲住院，自付医疗费较多");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记申请" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已登记帮扶救助申请");
            await page.GetByRole(AriaRole.Button, new() { Name = "初审通过", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("初审通过");
            await page.Locator("form[action*=Decide] input[name=amount]").FillAsync("3000");
            await page.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已批准 3000 元");
            await page.Locator("form[action*=Pay] input[name=amount]").FillAsync("2000");
            await page.GetByRole(AriaRole.Button, new() { Name = "记录发放" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已记录发放 2000 元");

            await page.GotoAsync($"{baseUrl}/console/families/HX2001");
            await Expect(timeline.Locator("li[data-kind=救助发放]")).ToContainTextAsync("发放救助资金2000元");
            await Expect(timeline.Locator("li")).ToHaveCountAsync(4);

            await page.GetByRole(AriaRole.Link, new() { Name = "覆盖情况" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("一车间");
            await Expect(page.Locator("[data-metric=contacted]")).ToHaveTextAsync("1");
            await Expect(page.Locator("[data-metric=visited]")).ToHaveTextAsync("1");
            await Expect(page.Locator("[data-metric=not-visited]")).ToHaveTextAsync("0");
            await Expect(page.Locator("[data-table=在办救助]")).ToContainTextAsync("BF-");

            await page.GetByRole(AriaRole.Link, new() { Name = "统计报表" }).ClickAsync();
            var unit = page.Locator("section[data-unit=一车间]");
            await Expect(unit.Locator("tr", new() { HasText = "服务档案覆盖率" })).ToContainTextAsync("（1/1）");
            await Expect(unit.Locator("[data-count=visits]")).ToHaveTextAsync("1");
            await Expect(unit.Locator("[data-count=condolences]")).ToHaveTextAsync("1");
            await Expect(unit.Locator("[data-count=aid-payments]")).ToHaveTextAsync("1");

            await page.GetByRole(AriaRole.Link, new() { Name = "述职热点问题清单" }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "打印本支部本季度清单" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("一车间 党支部书记述职");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeVisibleAsync();
            Assert.DoesNotContain("HX-", await page.Locator("main").InnerTextAsync());
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
        }
        Assert.Empty(problems);
    }
}
