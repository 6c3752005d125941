using System.Net;
using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.StaffConsole;

public sealed class ConsoleArchiveTests(ConsoleAppFactory app) : IClassFixture<ConsoleAppFactory>
{
    private async Task<string> SeedAsync()
    {
        await app.SeedFamilyAsync();
        var n = await app.CreateTicketAsync("集团工会", userId: "web-mum");
        var client = await app.SignedInAsync("union");
        await ConsoleAppFactory.PostFormAsync(client, $"/console/tickets/{n}", $"/console/tickets/{n}?handler=Resolve", new() { ["result"] = "已安排志愿者陪护" });
        await app.Services.GetRequiredService<ITurnHandler>().HandleAsync(
            new InboundTurn("test", "c-mum", "web-mum", null, $"评价 {n} 满意 很及时", null, "zh-CN", DateTimeOffset.UtcNow), default);
        return n;
    }

    [Fact]
    public async Task The_archive_shows_the_worker_members_and_every_request_with_outcome_rating_and_contacts()
    {
        var n = await SeedAsync();
        var client = await app.SignedInAsync("union");

        var list = await client.GetStringAsync("/console/families");
        var archive = await client.GetStringAsync("/console/families/HX1001");

        Assert.Contains("张建国", list);
        Assert.Contains("139****9876", list);
        Assert.Contains("张建国", archive);
        Assert.Contains("一车间", archive);
        Assert.Contains("王秀英", archive);
        Assert.Contains("137****0001", archive);
        Assert.DoesNotContain("13705310001", archive);
        Assert.Contains(n, archive);
        Assert.Contains("已安排志愿者陪护", archive);
        Assert.Contains("满意：很及时", archive);
        Assert.Contains("办结", archive);
        // Who did each step, by name and department, never the channel id.
        Assert.Contains("王工会（集团工会）", archive);
        Assert.DoesNotContain("console:union", archive);
    }

    [Fact]
    public async Task A_department_that_never_served_the_family_cannot_read_its_archive()
    {
        await SeedAsync();
        var client = await app.SignedInAsync("logistics");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/families/HX1001")).StatusCode);
        Assert.DoesNotContain("张建国", await client.GetStringAsync("/console/families"));
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("admin")).GetAsync("/console/families/HX1001")).StatusCode);
    }
}
