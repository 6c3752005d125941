using System.Text.RegularExpressions;
using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HuaXin.Bot.E2E;

/// <summary>An admin signs in to the console, opens 数据看板 for Q1 2026 and sees charts drawn from the seeded numbers.</summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    private const string Password = "看板-测试-密码-2026";

    [ChromiumFact]
    public async Task The_dashboard_draws_the_period_s_numbers_after_sign_in()
    {
        Assert.True(Chromium.Missing() is null, Chromium.Missing());
        await using var host = new ConsoleHost(Password);
        var baseUrl = host.Start();
        await SeedAsync(host.Services);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        // The host's certificate is self-signed for this test.
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", IgnoreHTTPSErrors = true });
        var problems = Chromium.CollectProblems(page);
        SetDefaultExpectTimeout(30_000);
        var screenshot = Path.Combine(Chromium.ResultsDirectory(), "dashboard.png");

        try
        {
            await page.GotoAsync($"{baseUrl}/console/login?returnUrl=%2Fconsole%2Fdashboard%3Ffrom%3D2026-01-01%26to%3D2026-03-31");
            await page.Locator("input[name=userName]").FillAsync("admin");
            await page.Locator("input[name=password]").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/console/dashboard"));
            await Expect(page.Locator("h1")).ToContainTextAsync("数据看板");

            // Every chart was drawn by Chart.js (dashboard.js marks the canvas once the chart exists).
            foreach (var id in new[] { "weekly", "categories", "sla", "satisfaction", "coverage", "ranking" })
            {
                await Expect(page.Locator($"#chart-{id}")).ToHaveAttributeAsync("data-rendered", new System.Text.RegularExpressions.Regex("^[1-9]"));
            }

            // 一车间: coverage 1/2 → 20 − 50 → 0; accept 1/2 × 20 = 10; resolve 1/2 × 20 = 10; satisfied 1/1 × 25; follow-up 1/2 × 15 = 7.5
            //         = 52.5 → 较差. 二车间: everything 100 % → 100 → 优秀.
            var ranking = await ChartDataAsync(page, "ranking");
            Assert.Equal(["1. 二车间（优秀）", "2. 一车间（较差）"], ranking.Labels);
            Assert.Equal([100, 52.5], ranking.Values[0]);
            // Weeks of Q1 from 2025-12-29; T1 and T3 in the week of 02-02, T2 in the week of 02-09.
            var weekly = await ChartDataAsync(page, "weekly");
            Assert.Equal(2, weekly.Values[0][weekly.Labels.IndexOf("02-02")]);
            Assert.Equal(1, weekly.Values[0][weekly.Labels.IndexOf("02-09")]);
            Assert.Equal(3, weekly.Values[0].Sum());
            // 后勤管理中心 (T2 late on both), 集团工会 (T1, T3 on time).
            var sla = await ChartDataAsync(page, "sla");
            Assert.Equal(["后勤管理中心", "集团工会"], sla.Labels);
            Assert.Equal([[0, 100], [0, 100]], sla.Values);
            var coverage = await ChartDataAsync(page, "coverage");
            Assert.Equal(["一车间", "二车间"], coverage.Labels);
            Assert.Equal([50, 100], coverage.Values[0]);

            await Expect(page.Locator("[data-metric=requests]")).ToHaveTextAsync("3");
            await Expect(page.Locator("[data-table=考核排名] tbody tr").First).ToContainTextAsync("二车间");
        }
        finally
        {
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
        }
        Assert.Empty(problems);
    }

    /// <summary>The labels and series values of the chart Chart.js actually holds for a canvas.</summary>
    private static async Task<(List<string> Labels, List<List<double>> Values)> ChartDataAsync(IPage page, string id)
    {
        var json = await page.EvaluateAsync<string>(
            "id => { const c = Chart.getChart(document.getElementById('chart-' + id)); return JSON.stringify({ labels: c.data.labels, values: c.data.datasets.map(d => d.data) }); }", id);
        using var document = JsonDocument.Parse(json);
        var labels = document.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToList();
        var values = document.RootElement.GetProperty("values").EnumerateArray()
            .Select(series => series.EnumerateArray().Select(v => v.GetDouble()).ToList()).ToList();
        return (labels, values);
    }

    /// <summary>Q1 2026: 一车间 has W1 (two requests) and W2 (none); 二车间 has W3 (one request). China time.</summary>
    private static async Task SeedAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        var registered = China(2025, 12, 1, 0);
        db.AddRange(
            new Worker { StaffId = "A001", Name = "张一", Unit = "一车间", RegisteredAt = registered },
            new Worker { StaffId = "A002", Name = "张二", Unit = "一车间", RegisteredAt = registered },
            new Worker { StaffId = "B001", Name = "李一", Unit = "二车间", RegisteredAt = registered });
        db.ServiceRequests.AddRange(
            // T1: accepted after 1 h, resolved after 1 d, rated 满意 6 h later.
            Ticket("HX-20260202-0001", "medical", "集团工会", "A001", China(2026, 2, 2, 9), 1, 24, ("满意", 30)),
            // T2: accepted after 6 h (due 4 h), resolved after 5 d (due 3 d), never rated.
            Ticket("HX-20260210-0001", "home_repair", "后勤管理中心", "A001", China(2026, 2, 10, 9), 6, 120, null),
            // T3: on time, rated 非常满意.
            Ticket("HX-20260203-0001", "medical", "集团工会", "B001", China(2026, 2, 3, 9), 1, 24, ("非常满意", 26)));
        await db.SaveChangesAsync();
    }

    /// <summary>China time as the service stores every instant: in UTC (PostgreSQL's timestamptz takes no other offset).</summary>
    private static DateTimeOffset China(int year, int month, int day, int hour) =>
        new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static ServiceRequest Ticket(string number, string category, string department, string staffId, DateTimeOffset created,
        int acceptedHours, int resolvedHours, (string Rating, int Hours)? rating)
    {
        var history = new List<ServiceRequestHistory>
        {
            new() { Action = "提交", ToStatus = "待受理", Actor = "test", At = created },
            new() { Action = "受理", ToStatus = "已受理", Actor = "test", At = created.AddHours(acceptedHours) },
            new() { Action = "办结", ToStatus = "已办结", Actor = "test", At = created.AddHours(resolvedHours) },
        };
        if (rating is { } r)
        {
            history.Add(new() { Action = "评价", ToStatus = "已评价", Actor = "test", At = created.AddHours(r.Hours), Note = r.Rating });
        }
        return new ServiceRequest
        {
            Number = number, Category = category, Department = department, Channel = "dingtalk", UserId = staffId, SlotsJson = "{}",
            OriginalText = number, Status = history[^1].ToStatus, CreatedAt = created, UpdatedAt = history[^1].At,
            FirstContactDue = created.AddHours(4), ResolveDue = created.AddDays(3),
            AcceptedAt = created.AddHours(acceptedHours), ResolvedAt = created.AddHours(resolvedHours), Rating = rating?.Rating, History = history,
        };
    }
}
