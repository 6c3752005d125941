using System.Net;
using System.Net.Http.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>Finding 5: a department with a Chinese name receives its notices in a Teams channel. Every notice's
/// Idempotency-Key reaches the Connector as ASCII, and nothing is parked.</summary>
public sealed class DepartmentNoticeKeyTests
{
    [Fact]
    public async Task Notices_to_a_Chinese_named_department_reach_Teams_with_ascii_idempotency_keys()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var app = await TeamsDepartment.StartAsync(connector);
        using var client = app.CreateClient();
        var ticket = await app.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", "集团工会", "api", "u1", "张大姐", new Dictionary<string, string>(), "我妈住院了", false, TimeSpan.FromHours(4)), default);

        var supplement = await client.PostAsJsonAsync("/api/chat", new { conversationId = "c1", userId = "u1", text = $"补充 {ticket.Number} 地址是历城区华新小区3号楼" });
        var withdraw = await client.PostAsJsonAsync("/api/chat", new { conversationId = "c1", userId = "u1", text = $"撤回 {ticket.Number}" });

        Assert.Equal(HttpStatusCode.OK, supplement.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        await TeamsDepartment.WaitAsync(() => connector.Requests.Count >= 3);
        var texts = connector.SentActivities().Select(a => a["text"]?.GetValue<string>() ?? a["summary"]?.GetValue<string>() ?? "").ToList();
        Assert.Contains(texts, t => t.Contains("【补充】"));
        Assert.Contains(texts, t => t.Contains("【撤回】"));
        Assert.All(connector.Requests, r => Assert.True(r.IdempotencyKey is { Length: > 0 } key && key.All(char.IsAscii), r.IdempotencyKey));
        Assert.Contains(connector.Requests, r => Uri.UnescapeDataString(r.IdempotencyKey!).Contains("集团工会"));
        var outbox = await Query(app, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        Assert.All(outbox, m => Assert.Equal(WorkStatus.Done, m.Status));
    }

    private static async Task<T> Query<T>(HuaXinAppFactory app, Func<HuaXinDbContext, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
