using System.Net;
using System.Text.RegularExpressions;
using HuaXin.Bot.Core;
using HuaXin.Bot.Data;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Families;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.People;
using HuaXin.Bot.StaffConsole;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.StaffConsole;

/// <summary>The real host on a fresh database with four console accounts — 集团工会 staff, 后勤管理中心 staff, 车间工会 staff
/// and an admin — the same people as chat staff on channel "test", and department chats there so notices land in the outbox.</summary>
public sealed partial class ConsoleAppFactory : TestAppFactory
{
    public const string Password = "correct horse 电池";
    private static readonly string Hash = ConsoleAccounts.Hash(Password);

    /// <summary>Settings changed while the host runs (accounts removed, roles changed).</summary>
    public LiveSettings Live { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Console:MaxFailedLogins", "3");
        var accounts = new[]
        {
            ("union", "王工会", "集团工会", "Staff"), ("logistics", "李后勤", "后勤管理中心", "Staff"), ("admin", "赵书记", "党委工作部", "Admin"),
            ("workshop", "刘车间", "车间工会", "Staff"),
        };
        for (var i = 0; i < accounts.Length; i++)
        {
            var (user, name, department, role) = accounts[i];
            builder.UseSetting($"Console:Accounts:{i}:UserName", user);
            builder.UseSetting($"Console:Accounts:{i}:PasswordHash", Hash);
            builder.UseSetting($"Console:Accounts:{i}:Name", name);
            builder.UseSetting($"Console:Accounts:{i}:Department", department);
            builder.UseSetting($"Console:Accounts:{i}:Role", role);
            builder.UseSetting($"Staff:Members:{i}:Channel", "test");
            builder.UseSetting($"Staff:Members:{i}:UserId", user);
            builder.UseSetting($"Staff:Members:{i}:Name", name);
            builder.UseSetting($"Staff:Members:{i}:Department", department);
            builder.UseSetting($"Staff:Members:{i}:Role", role);
            builder.UseSetting($"Departments:Destinations:{department}:0:Channel", "test");
            builder.UseSetting($"Departments:Destinations:{department}:0:Address", $"group:{user}");
        }
        builder.ConfigureAppConfiguration((_, configuration) => configuration.Add(Live));
    }

    /// <summary>A client on https (the console's cookies are Secure) that shows redirects instead of following them.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = Client();
        var response = await LoginAsync(client, user, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string user, string password) =>
        await PostFormAsync(client, "/console/login", "/console/login", new() { ["userName"] = user, ["password"] = password });

    /// <summary>Posts a form the way a browser does: with the antiforgery token of the page it came from.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pageUrl, string action, Dictionary<string, string> fields)
    {
        var page = await (await client.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = Token().Match(page) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException("no antiforgery token on " + pageUrl);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public async Task<string> CreateTicketAsync(string department, string userId = "u1")
    {
        await Services.GetRequiredService<ConversationReferences>().RememberAsync("test", userId, $"user:{userId}", default);
        var created = await Services.GetRequiredService<IServiceRequestStore>().CreateAsync(new NewServiceRequest(
            "medical", department, "test", userId, "张大姐",
            new Dictionary<string, string> { ["phone"] = "13805312266", ["relation"] = "母亲", ["description"] = "我妈住院了家里没人照顾" },
            "我妈住院了家里没人照顾", false, TimeSpan.FromHours(4)), default);
        return created.Number;
    }

    public async Task<T> QueryAsync<T>(Func<HuaXinDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public Task<ServiceRequest> TicketAsync(string number) =>
        QueryAsync(db => db.ServiceRequests.AsNoTracking().Include(r => r.History).Include(r => r.CoHandlers).SingleAsync(r => r.Number == number));

    public Task<List<OutboxMessage>> OutboxAsync(string number) =>
        QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith($"ticket:{number}:v")).OrderBy(m => m.Id).ToListAsync());

    /// <summary>A roster worker (工号 HX1001) whose mother is linked as "test:web-mum"; once per host.</summary>
    public async Task<long> SeedFamilyAsync()
    {
        return await QueryAsync(async db =>
        {
            if (await db.Set<Worker>().SingleOrDefaultAsync(w => w.StaffId == "HX1001") is { } seeded)
            {
                return seeded.Id;
            }
            var worker = new Worker { StaffId = "HX1001", Name = "张建国", Unit = "一车间", Phone = "13905319876", Hometown = "临沂", ChannelIdentities = [new(ChannelNames.DingTalk, "dt-zhang")], RegisteredAt = DateTimeOffset.UtcNow };
            worker.FamilyMembers.Add(new FamilyMember { Name = "王秀英", Relation = "母亲", Phone = "13705310001", Address = "临沂市兰山区" });
            db.Add(worker);
            await db.SaveChangesAsync();
            db.Add(new FamilyLink { Channel = "test", UserId = "web-mum", WorkerId = worker.Id, LinkedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return worker.Id;
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
