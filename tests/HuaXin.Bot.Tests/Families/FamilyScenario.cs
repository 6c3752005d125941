using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Families;
using HuaXin.Bot.People;
using HuaXin.Bot.Tests.Support;
using HuaXin.Bot.Tests.Tickets;
using HuaXin.Bot.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Tests.Families;

/// <summary>Two roster families — 张建国 (DingTalk "dt-zhang", 工号 HX1001) and 李明 (Teams "teams-li") — over the real
/// ticket parts; turns go through FamilyCommandHandler → TicketCommandHandler as in the host.</summary>
internal sealed partial class FamilyScenario : IAsyncDisposable
{
    public const string Ding = "dingtalk";
    public const string MsTeams = "msteams";
    public const string Web = "directline";

    private FamilyScenario(ServiceHarness h)
    {
        H = h;
        Binding = new FamilyBinding(h.Get<IDbContextFactory<HuaXinDbContext>>(), h.Get<HuaXin.Bot.Security.FailedAttempts>(), Options.Create(new FamilyOptions()), h.Time, NullLogger<FamilyBinding>.Instance);
        Recovery = new FamilyRecovery(h.Get<IDbContextFactory<HuaXinDbContext>>(), h.Get<HuaXin.Bot.Security.FailedAttempts>(), Options.Create(new FamilyOptions()), h.Time, NullLogger<FamilyRecovery>.Instance);
        Handler = new FamilyCommandHandler(new TicketCommandHandler(h.Bot, h.Get<TicketService>(), h.Get<StaffDirectory>()), Binding, Recovery, h.Get<HuaXin.Bot.Families.Tracking.Liaisons>());
    }

    public ServiceHarness H { get; }
    public FamilyBinding Binding { get; }
    public FamilyRecovery Recovery { get; }
    public FamilyCommandHandler Handler { get; }
    public long Zhang { get; private set; }
    public long Li { get; private set; }

    public static async Task<FamilyScenario> StartAsync()
    {
        var h = new ServiceHarness(settings: TicketFixture.Settings);
        await h.InitializeAsync();
        var s = new FamilyScenario(h);
        await h.QueryAsync(async db =>
        {
            var zhang = new Worker { StaffId = "HX1001", Name = "张建国", Unit = "一车间", ChannelIdentities = [new(ChannelNames.DingTalk, "dt-zhang")], Phone = "13805312266", RegisteredAt = h.Time.GetUtcNow() };
            zhang.FamilyMembers.Add(new FamilyMember { Name = "王秀英", Relation = "母亲", Phone = "13905310001", Address = "临沂市兰山区" });
            var li = new Worker { StaffId = "HX2002", Name = "李明", Unit = "二车间", ChannelIdentities = [new(ChannelNames.Teams, "teams-li")], RegisteredAt = h.Time.GetUtcNow() };
            db.AddRange(zhang, li);
            await db.SaveChangesAsync();
            s.Zhang = zhang.Id;
            s.Li = li.Id;
            return 0;
        });
        return s;
    }

    public async Task<string> SayAsync(string channel, string userId, string text)
    {
        var replies = await Handler.HandleAsync(new InboundTurn(channel, "c-" + userId, userId, null, text, null, "zh-CN", DateTimeOffset.UnixEpoch), default);
        return string.Join("\n", replies.Select(r => r.Text));
    }

    public static string CodeIn(string reply) => CodePattern().Match(reply) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException("no code in: " + reply);

    /// <summary>The worker asks for a code and the web-chat user binds with it.</summary>
    public async Task<string> BindAsync(string webUser, string workerChannel, string workerId)
    {
        var code = CodeIn(await SayAsync(workerChannel, workerId, "绑定码"));
        return await SayAsync(Web, webUser, $"绑定 {code}");
    }

    public async Task<string> CreateTicketAsync(string channel, string userId, string department = "集团工会")
    {
        var created = await H.Get<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", department, channel, userId, "家属",
            new Dictionary<string, string> { ["phone"] = "13805312266", ["description"] = "老人住院需要陪护" },
            "老人住院需要陪护", false, TimeSpan.FromHours(4)), default);
        return created.Number;
    }

    public Task<List<FamilyLink>> LinksAsync() => H.QueryAsync(db => db.Set<FamilyLink>().AsNoTracking().ToListAsync());

    public Task<List<DeviceLink>> DeviceLinksAsync() => H.QueryAsync(db => db.Set<DeviceLink>().AsNoTracking().ToListAsync());

    /// <summary>The numbers "我的诉求" lists for this identity.</summary>
    public async Task<List<string>> RequestsOfAsync(string channel, string userId) =>
        (await H.Get<IServiceRequestStore>().ListByRequesterAsync(channel, userId, default)).Select(r => r.Number).ToList();

    public Task<List<BindingCode>> CodesAsync() => H.QueryAsync(db => db.Set<BindingCode>().AsNoTracking().ToListAsync());

    public ValueTask DisposeAsync() => H.DisposeAsync();

    [GeneratedRegex(@"(?<=绑定码：)[A-Z2-9]{8}")]
    private static partial Regex CodePattern();
}
