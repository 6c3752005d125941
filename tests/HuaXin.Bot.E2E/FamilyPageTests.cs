using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuaXin.Bot.E2E;

/// <summary>A family member on a phone: opens 在线咨询, asks a policy question and gets the short answer with its
/// citation and a related question to tap, files a request, gets its number and still sees it after reloading the page.</summary>
public sealed class FamilyPageTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task A_family_member_gets_a_cited_answer_and_files_a_request_from_a_phone()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new FamilyPageHost();
        var baseUrl = host.Start();
        Assert.True(host.Services.GetService<ITurnHandler>() is not null, "HostingExtensions registers no ITurnHandler: the page needs the real bot.");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);
        page.RequestFailed += (_, request) => problems.Add($"{request.Url}: {request.Failure}");
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Url}: {response.Status}"); };
        // Waits, not timing assertions: the first answer includes the bundle load and the knowledge search.
        SetDefaultExpectTimeout(60_000);
        var screenshot = Path.Combine(Chromium.ResultsDirectory(), "family-page.png");

        try
        {
            await page.GotoAsync(baseUrl);
            await Expect(page.GetByText("山东华新建筑工程集团 · 职工家庭服务")).ToBeVisibleAsync();
            var sendBox = page.Locator("[data-id='webchat-sendbox-input']");
            var transcript = page.Locator(".webchat__basic-transcript");

            await SendAsync(sendBox, transcript, "申请困难帮扶需要准备哪些证明材料？");
            // The short answer (the clause's own sentence), then where it is from; the whole clause only on demand.
            var answer = page.Locator(".ac-adaptiveCard").Last;
            await Expect(answer).ToContainTextAsync("申请帮扶救助须提交以下材料");
            await Expect(answer).ToContainTextAsync("——《困难职工帮扶救助管理办法》第十条");
            await Expect(answer.GetByRole(AriaRole.Button, new() { Name = "查看原文" })).ToBeVisibleAsync();
            // A related clause is a button under the answer; tapping it answers from that clause.
            var related = page.Locator(".webchat__suggested-action", new() { HasText = "《" }).First;
            await Expect(related).ToBeVisibleAsync();
            var relatedText = (await related.InnerTextAsync()).Trim();
            await related.ClickAsync();
            await Expect(page.Locator(".ac-adaptiveCard").Last).ToContainTextAsync("——" + relatedText);

            await SendAsync(sendBox, transcript, "俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266");
            await Expect(transcript).ToContainTextAsync("请核对");
            await page.Locator(".ac-adaptiveCard").Last.GetByRole(AriaRole.Button, new() { Name = "确认" }).ClickAsync();
            await Expect(transcript).ToContainTextAsync("HX-");

            // A reload (or a phone waking the page) comes back to the same conversation, number included.
            await page.ReloadAsync();
            await Expect(transcript).ToContainTextAsync("HX-");
            await SendAsync(sendBox, transcript, "我的诉求");
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
            problems.ForEach(output.WriteLine);
        }
        Assert.Empty(problems);
    }

    /// <summary>Types like a person (key by key, then Enter) and waits until the message shows as sent in the transcript.</summary>
    private static async Task SendAsync(ILocator sendBox, ILocator transcript, string text)
    {
        await Expect(sendBox).ToBeEditableAsync();
        await sendBox.PressSequentiallyAsync(text);
        await sendBox.PressAsync("Enter");
        await Expect(transcript).ToContainTextAsync(text);
    }
}
