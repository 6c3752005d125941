using System.Net;
using HuaXin.Bot.Core;
using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.People;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tests.StaffConsole;
using HuaXin.Bot.Tests.Support;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>The 受理/办结 buttons of a ticket card in a DingTalk department group: real callback in, real actionCard out
/// to the fake DingTalk, links opened on the console page by signed-in staff of the right and the wrong department.</summary>
public sealed class ActionLinkFlowTests : IAsyncLifetime
{
    private const string Worker = "worker7";
    private FakeDingTalk _fake = null!;
    private HuaXinAppFactory _host = null!;

    private static CancellationToken Guard => new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token;

    public async Task InitializeAsync()
    {
        _fake = await FakeDingTalk.StartAsync();
        var hash = ConsoleAccounts.Hash(ConsoleAppFactory.Password);
        var settings = new Dictionary<string, string?>
        {
            ["DingTalk:Mode"] = "Callback",
            ["DingTalk:AppKey"] = FakeDingTalk.AppKey,
            ["DingTalk:AppSecret"] = FakeDingTalk.AppSecret,
            ["DingTalk:RobotCode"] = FakeDingTalk.AppKey,
            ["DingTalk:ApiBaseUrl"] = _fake.BaseUrl.ToString(),
            ["DingTalk:OapiBaseUrl"] = _fake.BaseUrl.ToString(),
            ["DingTalk:LoginBaseUrl"] = _fake.BaseUrl.ToString(),
            ["DingTalk:Admins:0"] = DingTalkAppFactory.Admin,
            ["Staff:Members:0:Channel"] = "dingtalk",
            ["Staff:Members:0:UserId"] = DingTalkAppFactory.RepairStaff,
            ["Staff:Members:0:Name"] = "李师傅",
            ["Staff:Members:0:Department"] = "后勤管理中心",
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Console:PublicBaseUrl"] = "https://localhost/",
        };
        foreach (var (i, user, name, department) in new[] { (0, "logistics", "李后勤", "后勤管理中心"), (1, "union", "王工会", "集团工会") })
        {
            settings[$"Console:Accounts:{i}:UserName"] = user;
            settings[$"Console:Accounts:{i}:PasswordHash"] = hash;
            settings[$"Console:Accounts:{i}:Name"] = name;
            settings[$"Console:Accounts:{i}:Department"] = department;
        }
        // In-process server: the console's cookies are Secure, and the test client speaks https only to TestServer.
        _host = new HuaXinAppFactory(settings: settings);
    }

    [Fact]
    public async Task Staff_of_the_owning_department_accept_and_resolve_from_the_card_links_and_others_are_refused()
    {
        var group = "cid-links-" + Guid.NewGuid().ToString("N");
        await CallbackAsync(RobotMessages.Group(_fake, "msg" + Guid.NewGuid().ToString("N"), "@华新助手 绑定部门 后勤管理中心", DingTalkAppFactory.Admin, group));
        await _fake.WaitForSentAsync(m => m.Text.Contains("已将本群绑定"), Guard);

        var number = await CreateTicketAsync();
        var card = await _fake.WaitForSentAsync(m => m.Kind == "group" && m.Target == group && m.Text.Contains(number), Guard);
        Assert.Equal(["受理", "办结"], card.Links.Select(l => l.Title));
        Assert.Contains("转派", card.Text); // still a command to type
        var accept = Path(card.Links[0].Url);
        var resolve = Path(card.Links[1].Url);

        // Nobody signed in: the console's login, coming back to the link afterwards.
        var anonymous = await Client().GetAsync(accept);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal(accept, Uri.UnescapeDataString(anonymous.Headers.Location!.OriginalString.Split("ReturnUrl=")[1]));

        var union = await SignedInAsync("union");
        var refused = await union.GetAsync(accept);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains($"{number} 属于后勤管理中心，您（集团工会）无权办理", await refused.Content.ReadAsStringAsync());

        var logistics = await SignedInAsync("logistics");
        var page = await logistics.GetAsync(accept);
        Assert.Contains("确认受理", await page.Content.ReadAsStringAsync());
        var accepted = await ConsoleAppFactory.PostFormAsync(logistics, accept, accept, []);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("已受理", await accepted.Content.ReadAsStringAsync());
        await _fake.WaitForSentAsync(m => m.Kind == "oto" && m.Target.Contains(Worker) && m.Text.Contains($"{number} 已由后勤管理中心的李后勤受理"), Guard);
        Assert.Contains("不需要再受理", await (await logistics.GetAsync(accept)).Content.ReadAsStringAsync());

        var resolved = await ConsoleAppFactory.PostFormAsync(logistics, resolve, resolve, new() { ["result"] = "已上门更换水管" });
        Assert.Contains("已办结", await resolved.Content.ReadAsStringAsync());
        var rating = await _fake.WaitForSentAsync(m => m.Kind == "oto" && m.Target.Contains(Worker) && m.Text.Contains("已上门更换水管"), Guard);
        Assert.Contains("满意", rating.Text);
    }

    [Fact]
    public async Task Expired_and_altered_links_are_refused_and_change_nothing()
    {
        var number = await CreateTicketAsync();
        var options = _host.Services.GetRequiredService<IOptionsMonitor<ConsoleOptions>>();
        var lastWeek = new ActionLinks(_host.Services.GetRequiredService<IDataProtectionProvider>(), options, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-7)));
        var logistics = await SignedInAsync("logistics");

        var expired = await logistics.GetAsync(Path(lastWeek.Create(number, TicketLinkAction.Accept).ToString()));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("已于", await expired.Content.ReadAsStringAsync());

        var good = Path(_host.Services.GetRequiredService<ActionLinks>().Create(number, TicketLinkAction.Accept).ToString());
        var altered = good[..^3] + (good[^3] == 'x' ? 'y' : 'x') + good[^2..];
        var refused = await logistics.GetAsync(altered);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("链接无效", await refused.Content.ReadAsStringAsync());

        var tickets = await _host.Services.GetRequiredService<IServiceRequestStore>().ListByRequesterAsync(ChannelNames.DingTalk, Worker, default);
        Assert.Equal(RequestStatus.Pending, tickets.Single(t => t.Number == number).Status);
    }

    [Fact]
    public async Task Staff_in_DingTalk_sign_in_with_DingTalk_from_the_link_and_act_as_themselves()
    {
        var number = await CreateTicketAsync();
        var accept = Path(_host.Services.GetRequiredService<ActionLinks>().Create(number, TicketLinkAction.Accept).ToString());
        var browser = Client();

        _fake.SignedInUser = DingTalkAppFactory.RepairStaff;
        Assert.Equal(accept, await SignInWithDingTalkAsync(browser, accept));
        var accepted = await ConsoleAppFactory.PostFormAsync(browser, accept, accept, []);
        Assert.Contains("已受理", await accepted.Content.ReadAsStringAsync());
        // The same person as in the group chat: the requester hears the name DingTalk staff are configured with.
        await _fake.WaitForSentAsync(m => m.Kind == "oto" && m.Text.Contains($"{number} 已由后勤管理中心的李师傅受理"), Guard);

        // Someone DingTalk knows but who is not staff: back to the login page with the reason, not signed in.
        _fake.SignedInUser = "driver042";
        var stranger = Client();
        var refused = await SignInWithDingTalkAsync(stranger, accept);
        Assert.StartsWith("/console/login?error=dingtalk-not-staff", refused);
        Assert.Contains("不在工作人员名单中", await (await stranger.GetAsync(refused)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync(accept)).StatusCode);
    }

    [Fact]
    public async Task A_DingTalk_sign_in_answer_without_its_browser_state_is_refused()
    {
        _fake.SignedInUser = DingTalkAppFactory.RepairStaff;
        var victim = Client();
        var start = await Client().GetAsync("/console/login/dingtalk?returnUrl=%2Fconsole%2Ftickets");
        var callback = (await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }).GetAsync(start.Headers.Location)).Headers.Location!;

        // The attacker's code and state, opened in another browser (no state cookie): nothing is signed in.
        var response = await victim.GetAsync(callback.PathAndQuery);
        Assert.Equal("/console/login?error=dingtalk-expired", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await victim.GetAsync("/console/tickets")).StatusCode);
    }

    /// <summary>What a browser does after "使用钉钉登录": our start URL, DingTalk's page (which answers at once for the
    /// signed-in user), our callback. Returns where the callback sends the browser.</summary>
    private async Task<string> SignInWithDingTalkAsync(HttpClient browser, string returnUrl)
    {
        var login = await browser.GetAsync(returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var page = await (await browser.GetAsync(login.Headers.Location)).Content.ReadAsStringAsync();
        var start = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/console/login/dingtalk[^\"]*)\"").Groups[1].Value;
        Assert.NotEmpty(start);
        var toDingTalk = await browser.GetAsync(System.Net.WebUtility.HtmlDecode(start));
        Assert.StartsWith(_fake.BaseUrl + "oauth2/auth?", toDingTalk.Headers.Location!.ToString());
        using var dingTalk = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = (await dingTalk.GetAsync(toDingTalk.Headers.Location)).Headers.Location!;
        Assert.StartsWith("https://localhost/console/login/dingtalk/callback?authCode=", back.ToString());
        return (await browser.GetAsync(back.PathAndQuery)).Headers.Location!.OriginalString;
    }

    private async Task<string> CreateTicketAsync()
    {
        // The worker's one-to-one chat: notices reach them through the OpenAPI once the session webhook is gone.
        await _host.Services.GetRequiredService<ConversationReferences>().RememberAsync(ChannelNames.DingTalk, Worker,
            new DingTalkReplyAddress("cid-private-" + Worker, "1", null, null, Worker, null).ToJson(), default);
        var created = await _host.Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "home_repair", "后勤管理中心", ChannelNames.DingTalk, Worker, "张师傅",
            new Dictionary<string, string> { ["phone"] = "13805312266", ["address"] = "济南历城区华新小区3号楼", ["description"] = "家里水管爆了" },
            "家里水管爆了 能派人来修吗", false, TimeSpan.FromHours(4)), default);
        return created.Number;
    }

    private HttpClient Client() => _host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await ConsoleAppFactory.LoginAsync(client, user, ConsoleAppFactory.Password)).StatusCode);
        return client;
    }

    private static string Path(string url) => new Uri(url).PathAndQuery;

    private async Task CallbackAsync(string body)
    {
        using var response = await Client().SendAsync(RobotMessages.Callback(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _fake.DisposeAsync();
    }
}
