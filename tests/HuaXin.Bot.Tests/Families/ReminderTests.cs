using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Families.Records;
using HuaXin.Bot.Families.Tracking;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.People;
using HuaXin.Bot.Tests.Support;
using HuaXin.Bot.Tests.Tickets;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;

namespace HuaXin.Bot.Tests.Families;

/// <summary>动态追踪's reminders on a fake clock: a 联络员 is told once when a home visit falls due under the visiting rule,
/// and an aid case is held to its 7-working-day decision limit like a ticket (lead and co-handler reminded, then 督办).</summary>
public abstract class ReminderTests(DatabaseProvider provider)
{
    private static readonly StaffMember Union = new() { Channel = "test", UserId = "s-union", Name = "王工会", Department = "集团工会" };

    private async Task<ServiceHarness> StartAsync()
    {
        var h = new ServiceHarness(provider, new Dictionary<string, string?>(TicketFixture.Settings)
        {
            ["Departments:Destinations:车间工会:0:Channel"] = "test", ["Departments:Destinations:车间工会:0:Address"] = "group:workshop",
        });
        await h.InitializeAsync();
        return h;
    }

    private static Task<List<OutboxMessage>> OutboxAsync(ServiceHarness h, string keyPrefix) =>
        h.QueryAsync(db => db.OutboxMessages.Where(m => m.IdempotencyKey.StartsWith(keyPrefix)).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_liaison_is_reminded_once_when_a_visit_falls_due_and_a_priority_family_falls_due_sooner()
    {
        await using var h = await StartAsync();
        var now = h.Time.GetUtcNow();
        await h.QueryAsync(async db =>
        {
            var liaison = new Worker { StaffId = "L001", Name = "刘联络", Unit = "一车间", ChannelIdentities = [new(ChannelNames.DingTalk, "dt-liu")], RegisteredAt = now.AddYears(-1) };
            var silent = new Worker { StaffId = "L002", Name = "马联络", Unit = "一车间", RegisteredAt = now.AddYears(-1) };
            db.AddRange(liaison, silent);
            await db.SaveChangesAsync();
            db.AddRange(
                // Regular family, registered 80 days ago: due in 10 days, outside the 7-day reminder.
                new Worker { StaffId = "F001", Name = "张一", Unit = "一车间", RegisteredAt = now.AddDays(-80), LiaisonId = liaison.Id },
                // Priority family, last visited 25 days ago: due in 5 days.
                new Worker { StaffId = "F002", Name = "张二", Unit = "一车间", RegisteredAt = now.AddDays(-200), LiaisonId = liaison.Id, Priority = true },
                // Its 联络员 never talked to the bot: the reminder goes to the 车间工会 instead.
                new Worker { StaffId = "F003", Name = "张三", Unit = "一车间", RegisteredAt = now.AddDays(-100), LiaisonId = silent.Id });
            await db.SaveChangesAsync();
            var f2 = await db.Set<Worker>().SingleAsync(w => w.StaffId == "F002");
            db.Add(new ServiceVisit { WorkerId = f2.Id, VisitedAt = now.AddDays(-25), Mode = VisitModes.Home, Visitors = "刘联络", Findings = "还好", Department = "车间工会", RecordedBy = "test:x", RecordedAt = now });
            return await db.SaveChangesAsync();
        });
        await h.Get<ConversationReferences>().RememberAsync("dingtalk", "dt-liu", "{\"conversationId\":\"liu\"}", default);
        var reminders = h.Get<FamilyReminders>();

        Assert.Equal(2, await reminders.CheckAsync(default));
        Assert.Equal(0, await reminders.CheckAsync(default));

        var sent = await OutboxAsync(h, "visit-due:");
        var toLiaison = Assert.Single(sent, m => m.Channel == "dingtalk");
        Assert.Contains("张二家庭", toLiaison.MessageJson);
        Assert.Contains("重点服务家庭", toLiaison.MessageJson);
        Assert.Contains("第九条", toLiaison.MessageJson);
        var toWorkshop = Assert.Single(sent, m => m.Address == "group:workshop");
        Assert.Contains("马联络", toWorkshop.MessageJson);
        Assert.Contains("已逾期", toWorkshop.MessageJson);

        h.Time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await reminders.CheckAsync(default));
        Assert.Contains("张一家庭", (await OutboxAsync(h, "visit-due:")).Last().MessageJson);
    }

    [Fact]
    public async Task An_aid_case_reminds_lead_and_co_handler_before_its_deadline_and_escalates_once_after()
    {
        await using var h = await StartAsync();
        await h.QueryAsync(async db =>
        {
            db.Add(new Worker { StaffId = "F010", Name = "赵一", Unit = "二车间", RegisteredAt = h.Time.GetUtcNow().AddYears(-1) });
            return await db.SaveChangesAsync();
        });
        var opened = await h.Get<AidCases>().OpenAsync("F010", new AidInput("意外事故或灾害", "特别困难", "紧急救助", "房屋失火", null, null, null), Union, default);
        Assert.True(opened.Ok, opened.Message);
        var aid = await h.QueryAsync(db => db.Set<AidCase>().Include(a => a.CoHandlers).SingleAsync());
        Assert.Equal(["车间工会"], aid.CoHandlers.Select(c => c.Department));
        var reminders = h.Get<FamilyReminders>();

        h.Time.Advance((aid.Due - aid.AppliedAt) * 0.8);
        await reminders.CheckAsync(default);
        var reminded = await OutboxAsync(h, $"aid:{aid.Number}:reminder");
        Assert.Equal(["group:union", "group:workshop"], reminded.Select(m => m.Address).Order());

        h.Time.Advance((aid.Due - aid.AppliedAt) * 0.3);
        await reminders.CheckAsync(default);
        Assert.Equal(0, await reminders.CheckAsync(default));
        var escalated = await OutboxAsync(h, $"aid:{aid.Number}:escalated");
        Assert.Equal(["group:party", "group:union", "group:workshop"], escalated.Select(m => m.Address).Order());
        var steps = await h.QueryAsync(db => db.Set<AidStep>().Where(s => s.AidCaseId == aid.Id).OrderBy(s => s.Id).Select(s => s.Action).ToListAsync());
        Assert.Equal(["申请", "提醒", "超时"], steps);
    }
}

public sealed class ReminderTestsOnSqlite() : ReminderTests(DatabaseProvider.Sqlite);

public sealed class ReminderTestsOnPostgreSql() : ReminderTests(DatabaseProvider.PostgreSQL);
