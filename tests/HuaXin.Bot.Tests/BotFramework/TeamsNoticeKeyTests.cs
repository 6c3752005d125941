using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.BotFramework;
using HuaXin.Bot.BotFramework.Connector;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Finding 5 for the notices the first test does not send: a 转派 to 集团工会 and the 督办 that a 不满意 rating
/// sends to 党委工作部, both departments in Teams channels, every step typed into the chat over /api/chat. Each reaches
/// the Connector with an ASCII Idempotency-Key and nothing is parked.</summary>
public sealed class TeamsNoticeKeyTests
{
    private static string Channel(FakeConnector connector, string teamsChannel) =>
        new BotAddress(connector.BaseUrl, ChannelNames.Teams, ConversationId: null, BotId: "28:bot", TenantId: "tenant-1", TeamsChannelId: teamsChannel).ToJson();

    [Fact]
    public async Task A_transfer_and_a_supervision_reach_Chinese_named_departments_in_Teams()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = new HuaXinAppFactory(settings: new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestTokens.AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
            ["Bot:TokenEndpoint"] = connector.BaseUrl + "token",
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Departments:Destinations:集团工会:0:Channel"] = ChannelNames.Teams,
            ["Departments:Destinations:集团工会:0:Address"] = Channel(connector, "19:union@thread.tacv2"),
            ["Departments:Destinations:党委工作部:0:Channel"] = ChannelNames.Teams,
            ["Departments:Destinations:党委工作部:0:Address"] = Channel(connector, "19:supervisor@thread.tacv2"),
            ["Staff:Members:0:Channel"] = "api",
            ["Staff:Members:0:UserId"] = "staff-logistics",
            ["Staff:Members:0:Name"] = "李后勤",
            ["Staff:Members:0:Department"] = "后勤管理中心",
            ["Staff:Members:1:Channel"] = "api",
            ["Staff:Members:1:UserId"] = "staff-union",
            ["Staff:Members:1:Name"] = "王工会",
            ["Staff:Members:1:Department"] = "集团工会",
        });
        await app.Services.GetRequiredService<TrustedServiceUrls>().TrustAsync(connector.BaseUrl, default);
        using var client = app.CreateClient();
        var ticket = await app.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "home_repair", "后勤管理中心", "api", "u1", "张大姐", new Dictionary<string, string>(), "我妈住院了，没人照顾", false, TimeSpan.FromHours(4)), default);

        foreach (var (user, text) in new[]
        {
            ("staff-logistics", $"转派 {ticket.Number} 集团工会 属于医疗帮扶"),
            ("staff-union", $"办结 {ticket.Number} 已安排陪护"),
            ("u1", $"评价 {ticket.Number} 不满意 太慢了"),
        })
        {
            using var said = await client.PostAsJsonAsync("/api/chat", new { conversationId = "c-" + user, userId = user, text });
            Assert.Equal(HttpStatusCode.OK, said.StatusCode);
        }

        await TeamsDepartment.WaitAsync(() => Sent(connector, "转派") && Sent(connector, "督办"));
        Assert.All(connector.Requests, r => Assert.True(r.IdempotencyKey is null || r.IdempotencyKey.All(c => c is >= '!' and <= '~'), r.IdempotencyKey));
        Assert.Contains(connector.Requests, r => r.IdempotencyKey is { } key && Uri.UnescapeDataString(key).Contains("党委工作部"));
        await TeamsDepartment.WaitAsync(() => Outbox(app).All(m => m.Status == WorkStatus.Done));
        Assert.DoesNotContain(Outbox(app), m => m.Status == WorkStatus.Parked);
    }

    private static bool Sent(FakeConnector connector, string word) =>
        connector.SentActivities().Any(a => a.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Contains(word));

    private static List<OutboxMessage> Outbox(HuaXinAppFactory app)
    {
        using var db = app.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContext();
        return db.OutboxMessages.AsNoTracking().Where(m => m.Channel == ChannelNames.Teams).ToList();
    }
}
