using System.Data.Common;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HuaXin.Bot.Data.PostgreSql;
using HuaXin.Bot.Data.Sqlite;
using HuaXin.Bot.Tests.DingTalk;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HuaXin.Bot.Tests.Fuzz;

/// <summary>The real host in memory (TestServer: no sockets), every channel switched on and reachable without
/// platform credentials: Bot Framework unauthenticated (the in-memory client is a local caller), DingTalk callbacks signed by the test, a Direct Line
/// conversation started. The service's own background workers are removed, so the database changes only inside a
/// request and a request that was refused can be checked to have written nothing.</summary>
public sealed class FuzzHost : TestAppFactory, IAsyncLifetime
{
    private readonly RowWrites _writes = new();

    public HttpClient Client { get; private set; } = null!;
    public string DirectLineToken { get; private set; } = "";
    public string ConversationPath { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["DingTalk:Mode"] = "Callback",
            ["DingTalk:AppKey"] = FakeDingTalk.AppKey,
            ["DingTalk:AppSecret"] = FakeDingTalk.AppSecret,
            ["DingTalk:RobotCode"] = FakeDingTalk.AppKey,
            ["DingTalk:ApiBaseUrl"] = "http://127.0.0.1:9/",
            ["RateLimits:Enabled"] = "false",
            ["Knowledge:Watch"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            // The service's own workers (their lambdas and types live in the HuaXin.Bot assembly); the web host stays.
            var workers = services.Where(d => d.ServiceType == typeof(IHostedService)
                && (d.ImplementationType ?? d.ImplementationFactory?.Method.DeclaringType)?.Assembly == typeof(Program).Assembly).ToList();
            foreach (var worker in workers)
            {
                services.Remove(worker);
            }
            // Every write of the host goes through EF Core, whichever provider is behind it.
            services.ConfigureDbContext<SqliteHuaXinDbContext>(o => o.AddInterceptors(_writes), ServiceLifetime.Singleton);
            services.ConfigureDbContext<PostgreSqlHuaXinDbContext>(o => o.AddInterceptors(_writes), ServiceLifetime.Singleton);
        });
    }

    public async Task InitializeAsync()
    {
        Client = CreateClient();
        var page = JsonNode.Parse(await (await Client.PostAsync("/api/webchat/token", null)).Content.ReadAsStringAsync())!;
        DirectLineToken = page["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineToken);
        var conversation = JsonNode.Parse(await (await Client.SendAsync(start)).Content.ReadAsStringAsync())!;
        ConversationPath = $"/v3/directline/conversations/{conversation["conversationId"]!.GetValue<string>()}/activities";
        // Starting the conversation stored it: a counter that missed that would make every check below pass.
        if (DataVersion() == 0)
        {
            throw new InvalidOperationException("The row-write counter saw no write while the conversation started.");
        }
    }

    /// <summary>Moves whenever the host inserts, updates or deletes a row.</summary>
    public long DataVersion() => _writes.Rows;

    /// <summary>Sends one case; asserts no 5xx, and that a refused request left the database as it was.</summary>
    public async Task AssertHandledAsync(HttpRequestMessage request, string input)
    {
        var before = DataVersion();
        using var response = await Client.SendAsync(request);
        var status = (int)response.StatusCode;
        // 501 is the Bot Framework's answer to an invoke the bot does not implement, not a failure.
        var deliberate = status == 501 && request.RequestUri!.AbsolutePath == "/api/messages";
        Assert.True(status < 500 || deliberate, $"{status} for {request.RequestUri} with body: {input}");
        if (!response.IsSuccessStatusCode)
        {
            Assert.True(before == DataVersion(), $"{status} but the database changed, for {request.RequestUri} with body: {input}");
        }
    }

    public static HttpRequestMessage Post(string path, string body, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        return request;
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Counts the rows the host's commands change, as the providers report them (-1 for a query).</summary>
    private sealed class RowWrites : DbCommandInterceptor
    {
        private long _rows;

        public long Rows => Interlocked.Read(ref _rows);

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Add(result);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Add(result);
            return ValueTask.FromResult(result);
        }

        // Inserts and updates that read back generated values run as readers; their count is known once read.
        public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Add(eventData.RecordsAffected);
            return result;
        }

        private void Add(int rows)
        {
            if (rows > 0)
            {
                Interlocked.Add(ref _rows, rows);
            }
        }
    }
}
