using System.Text.RegularExpressions;
using HuaXin.Bot.Data;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuaXin.Bot.E2E;

/// <summary>A 集团工会 clerk with 250 open tickets pages through the whole board by its own 下一页 links, nearest deadline
/// first, then types a phone number (as people say it, in groups) into 查找 and reaches the one ticket, with tap-to-call.</summary>
public sealed class TicketBoardTests(ITestOutputHelper output)
{
    private const string Password = "工单-测试-密码-2026";
    private const int Tickets = 250;

    [ChromiumFact]
    public async Task A_clerk_sees_every_one_of_250_tickets_through_the_pages_and_finds_one_by_phone()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new ConsoleHost(Password);
        var baseUrl = host.Start();
        await SeedAsync(host.Services);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", IgnoreHTTPSErrors = true });
        var problems = Chromium.CollectProblems(page);
        SetDefaultExpectTimeout(30_000);
        var screenshot = Path.Combine(Chromium.ResultsDirectory(), "ticket-board.png");

        try
        {
            await page.GotoAsync($"{baseUrl}/console/login?returnUrl=%2Fconsole%2Ftickets");
            await page.Locator("input[name=userName]").FillAsync("union");
            await page.Locator("input[name=password]").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/console/tickets$"));
            await Expect(page.Locator("h1")).ToContainTextAsync($"共 {Tickets} 条");

            var pages = (Tickets + TicketBoard.PageSize - 1) / TicketBoard.PageSize;
            var seen = new List<string>();
            for (var p = 1; p <= pages; p++)
            {
                await Expect(page.Locator("nav.pager span")).ToHaveTextAsync($"第 {p} / {pages} 页");
                seen.AddRange(await page.Locator("tr[data-number]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.number)"));
                if (p < pages)
                {
                    await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();
                }
            }
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "下一页" })).ToHaveCountAsync(0);
            // Ticket i is due i hours from now: the board reads 0001 … 0250, each once.
            Assert.Equal(Enumerable.Range(1, Tickets).Select(i => $"HX-20261101-{i:D4}"), seen);

            await page.Locator("input[name=q]").FillAsync("139 0000 0137");
            await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync("共 1 条");
            var found = page.Locator("tr[data-number]");
            await Expect(found).ToHaveCountAsync(1);
            await Expect(found).ToHaveAttributeAsync("data-number", "HX-20261101-0137");

            await found.GetByRole(AriaRole.Link, new() { Name = "HX-20261101-0137" }).ClickAsync();
            await Expect(page.Locator("a[href='tel:13900000137']").First).ToBeVisibleAsync();
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
        }
        Assert.Empty(problems);
    }

    /// <summary>Ticket i (1–250) of 集团工会, accepted, phone 1390000{i:D4}, due i hours from now; one closed ticket that
    /// stays off the default board.</summary>
    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        var now = DateTimeOffset.UtcNow;
        for (var i = 1; i <= Tickets; i++)
        {
            db.ServiceRequests.Add(Ticket($"HX-20261101-{i:D4}", RequestStatus.Accepted, $"1390000{i:D4}", now.AddHours(i)));
        }
        db.ServiceRequests.Add(Ticket("HX-20261101-9001", RequestStatus.Rated, "13700009001", now.AddHours(-5)));
        await db.SaveChangesAsync();
    }

    private static ServiceRequest Ticket(string number, string status, string phone, DateTimeOffset due) => new()
    {
        Number = number, Category = "medical", Department = "集团工会", Channel = "test", UserId = $"u-{number}", UserName = "张大姐", RequesterName = "张大姐",
        SlotsJson = $$"""{"phone":"{{phone}}"}""", OriginalText = "我妈住院了", Status = status, CreatedAt = due.AddDays(-3), UpdatedAt = due.AddDays(-3),
        FirstContactDue = due.AddDays(-2), ResolveDue = due, AcceptedAt = due.AddDays(-3),
    };
}
