using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.StaffConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuaXin.Bot.E2E;

/// <summary>A 受理 button of a DingTalk ticket card, opened on a phone-sized screen: sign in, confirm, and the page shows
/// the ticket accepted, under the console's CSP and antiforgery rules in a real browser.</summary>
public sealed class ActionLinkPageTests(ITestOutputHelper output)
{
    private const string Password = "链接-测试-密码-2026";

    [ChromiumFact]
    public async Task Staff_accept_a_ticket_from_its_link_on_a_phone()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new ConsoleHost(Password);
        var baseUrl = host.Start();
        var ticket = await host.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "home_repair", "后勤管理中心", "dingtalk", "worker5", "张师傅", new Dictionary<string, string> { ["phone"] = "13805312266" },
            "家里水管爆了 能派人来修吗", true, TimeSpan.FromHours(4)), default);
        var link = host.Services.GetRequiredService<ActionLinks>().Create(ticket.Number, TicketLinkAction.Accept);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, Locale = "zh-CN", IgnoreHTTPSErrors = true });
        var problems = Chromium.CollectProblems(page);
        SetDefaultExpectTimeout(30_000);
        var screenshot = Path.Combine(Chromium.ResultsDirectory(), "action-link.png");

        try
        {
            await page.GotoAsync(baseUrl + link.PathAndQuery);
            await page.Locator("input[name=userName]").FillAsync("admin");
            await page.Locator("input[name=password]").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(link.AbsolutePath) + "$"));
            await Expect(page.Locator("h1")).ToContainTextAsync($"受理 {ticket.Number}");

            await page.GetByRole(AriaRole.Button, new() { Name = "确认受理" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"已受理 {ticket.Number}");
            await Expect(page.Locator("dl.facts")).ToContainTextAsync("赵书记");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "确认受理" })).ToHaveCountAsync(0);
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
        }
        Assert.Empty(problems);
    }
}
