using HuaXin.Bot.Data;
using HuaXin.Bot.DingTalk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>One fake DingTalk and one host in the given mode, shared by a test class (each test uses its own msgIds).</summary>
public class DingTalkHostFixture(DingTalkMode mode, bool realBot = false) : IAsyncLifetime
{
    public FakeDingTalk Fake { get; private set; } = null!;

    public DingTalkAppFactory Factory { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fake = await FakeDingTalk.StartAsync();
        Factory = new DingTalkAppFactory(Fake, mode, realBot);
        Factory.StartServer();
        Client = Factory.CreateClient();
    }

    public async Task<int> StoredInboundAsync(string msgId)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        return await db.InboundMessages.CountAsync(m => m.Key == "dingtalk:" + msgId);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

public sealed class CallbackFixture() : DingTalkHostFixture(DingTalkMode.Callback);

public sealed class StreamFixture() : DingTalkHostFixture(DingTalkMode.Stream);

public sealed class RealBotCallbackFixture() : DingTalkHostFixture(DingTalkMode.Callback, realBot: true);

public sealed class RealBotStreamFixture() : DingTalkHostFixture(DingTalkMode.Stream, realBot: true);
