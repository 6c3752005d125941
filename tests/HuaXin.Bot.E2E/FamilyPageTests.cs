using System.Text.RegularExpressions;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuaXin.Bot.E2E;

/// <summary>A family member on a phone: the page greets and shows the emergency numbers at once, a tapped example is
/// answered with its source, a request gets its number, and the same phone — a reload, a second browser context with its
/// cookies — still has it.</summary>
public sealed partial class FamilyPageTests(ITestOutputHelper output)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN" };

    [ChromiumFact]
    public async Task The_page_greets_with_tappable_examples_and_shows_the_emergency_numbers_on_a_phone()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new FamilyPageHost();
        var baseUrl = host.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(Phone)).NewPageAsync();
        var problems = Watch(page);
        SetDefaultExpectTimeout(60_000);

        await page.GotoAsync(baseUrl);
        var emergency = page.Locator("#emergency");
        await Expect(emergency).ToBeVisibleAsync();
        await Expect(emergency).ToBeInViewportAsync();
        await Expect(emergency.GetByRole(AriaRole.Link, new() { Name = "120" })).ToHaveAttributeAsync("href", "tel:120");
        await Expect(emergency.GetByRole(AriaRole.Link, new() { Name = "110" })).ToHaveAttributeAsync("href", "tel:110");
        var transcript = page.Locator("#transcript");
        await Expect(transcript).ToContainTextAsync("您好");
        var example = transcript.GetByRole(AriaRole.Button, new() { Name = "困难帮扶有啥条件" });
        await Expect(example).ToBeVisibleAsync();

        await example.TapAsync();

        await Expect(transcript.Locator(".message.bot").Nth(1)).ToContainTextAsync("《");
        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task A_policy_question_on_a_phone_gets_the_short_answer_its_citation_and_a_related_question_to_tap()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new FamilyPageHost();
        var baseUrl = host.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await (await browser.NewContextAsync(Phone)).NewPageAsync();
        var problems = Watch(page);
        SetDefaultExpectTimeout(60_000);

        await page.GotoAsync(baseUrl);
        var transcript = page.Locator("#transcript");
        await SendAsync(page, "申请困难帮扶需要准备哪些证明材料？");

        // The short answer (the clause's own sentence), then where it is from; the whole clause only on demand.
        var answer = transcript.Locator(".message.bot").Filter(new() { HasText = "申请帮扶救助须提交以下材料" }).Last;
        await Expect(answer).ToBeVisibleAsync();
        await Expect(answer).ToContainTextAsync("——《困难职工帮扶救助管理办法》第十条");
        var original = answer.GetByRole(AriaRole.Button, new() { Name = "查看原文" });
        await Expect(original).ToBeVisibleAsync();
        await original.TapAsync();
        await Expect(answer.Locator(".card .card")).ToBeVisibleAsync();

        // A related clause is a button under the answer; tapping it answers from that clause.
        var related = transcript.Locator(".suggestions button", new() { HasText = "《" }).First;
        await Expect(related).ToBeVisibleAsync();
        var relatedText = (await related.InnerTextAsync()).Trim();
        await related.TapAsync();
        await Expect(transcript.Locator(".message.bot").Last).ToContainTextAsync("——" + relatedText);
        Assert.Empty(problems);
    }

    [ChromiumFact]
    public async Task A_request_filed_on_a_phone_is_listed_after_a_reload_and_in_a_second_context_of_that_phone_but_not_on_another()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new FamilyPageHost();
        var baseUrl = host.Start();
        Assert.True(host.Services.GetService<ITurnHandler>() is not null, "HostingExtensions registers no ITurnHandler: the page needs the real bot.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var phone = await browser.NewContextAsync(Phone);
        var page = await phone.NewPageAsync();
        var problems = Watch(page);
        // Waits, not timing assertions: the first answer includes the knowledge search on a busy machine.
        SetDefaultExpectTimeout(60_000);
        var screenshot = Path.Combine(Chromium.ResultsDirectory(), "family-page.png");

        try
        {
            await page.GotoAsync(baseUrl);
            var transcript = page.Locator("#transcript");
            await SendAsync(page, "俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266");
            await Expect(transcript).ToContainTextAsync("请核对");
            await transcript.Locator(".card").Last.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
            var confirmation = transcript.Locator(".message.bot").Last;
            await Expect(confirmation).ToContainTextAsync("HX-");
            // From the confirmation, not the whole transcript: the greeting shows an example number.
            var number = TicketNumber().Match(await confirmation.InnerTextAsync()).Value;

            // A reload (or the phone waking the page) comes back to the same conversation, number included.
            await page.ReloadAsync();
            await Expect(transcript).ToContainTextAsync(number);

            // A second browser context of the same phone (its cookies and storage): the same family member.
            var samePhone = new BrowserNewContextOptions(Phone);
            samePhone.StorageState = await phone.StorageStateAsync();
            var tab = await (await browser.NewContextAsync(samePhone)).NewPageAsync();
            problems.AddRange(Watch(tab));
            await tab.GotoAsync(baseUrl);
            await Expect(tab.Locator("#transcript")).ToContainTextAsync(number);
            var answers = tab.Locator("#transcript .message.bot");
            var before = await answers.CountAsync();
            await SendAsync(tab, "我的诉求");
            await Expect(answers.Nth(before)).ToContainTextAsync(number);

            // Another phone is someone else.
            var stranger = await (await browser.NewContextAsync(Phone)).NewPageAsync();
            await stranger.GotoAsync(baseUrl);
            await SendAsync(stranger, "我的诉求");
            await Expect(stranger.Locator("#transcript .message.bot").Last).ToContainTextAsync("还没有提交过诉求");
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
            problems.ForEach(output.WriteLine);
        }
        Assert.Empty(problems);
    }

    /// <summary>Types like a person (key by key, then Enter) and waits until the message shows as sent.</summary>
    private static async Task SendAsync(IPage page, string text)
    {
        var input = page.Locator("#input");
        await Expect(input).ToBeEditableAsync();
        await input.PressSequentiallyAsync(text);
        await input.PressAsync("Enter");
        await Expect(page.Locator("#transcript .message.user:not(.pending)").Last).ToHaveTextAsync(text);
    }

    private static List<string> Watch(IPage page)
    {
        var problems = Chromium.CollectProblems(page);
        page.RequestFailed += (_, request) => problems.Add($"{request.Url}: {request.Failure}");
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Url}: {response.Status}"); };
        return problems;
    }

    [GeneratedRegex(@"HX-\d{8}-\d{4,6}")]
    private static partial Regex TicketNumber();
}
