using HuaXin.Bot.DingTalk;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HuaXin.Bot.Tests.DingTalk;

/// <summary>The real host on a real Kestrel port, with the real inbound queue and outbox on a fresh database,
/// DingTalk pointed at <see cref="FakeDingTalk"/>, and <see cref="EchoTurnHandler"/> as the bot unless the real one is asked for.</summary>
public sealed class DingTalkAppFactory : TestAppFactory
{
    private readonly FakeDingTalk _fake;
    private readonly DingTalkMode _mode;
    private readonly bool _realBot;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public DingTalkAppFactory(FakeDingTalk fake, DingTalkMode mode, bool realBot = false, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _fake = fake;
        _mode = mode;
        _realBot = realBot;
        _settings = settings ?? new Dictionary<string, string?>();
        UseKestrel(0);
    }

    public const string Admin = "admin001";
    public const string RepairStaff = "repair001";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("Messaging:PollInterval", "00:00:00.200");
        builder.UseSetting("Messaging:BaseRetryDelay", "00:00:00.050");
        builder.UseSetting("DingTalk:Mode", _mode.ToString());
        builder.UseSetting("DingTalk:AppKey", FakeDingTalk.AppKey);
        builder.UseSetting("DingTalk:AppSecret", FakeDingTalk.AppSecret);
        builder.UseSetting("DingTalk:RobotCode", FakeDingTalk.AppKey);
        builder.UseSetting("DingTalk:ApiBaseUrl", _fake.BaseUrl.ToString());
        builder.UseSetting("DingTalk:Admins:0", Admin);
        builder.UseSetting("DingTalk:RobotName", "华新助手");
        builder.UseSetting("Staff:Members:0:Channel", "dingtalk");
        builder.UseSetting("Staff:Members:0:UserId", RepairStaff);
        builder.UseSetting("Staff:Members:0:Name", "李师傅");
        builder.UseSetting("Staff:Members:0:Department", "后勤管理中心");
        builder.UseSetting("DingTalk:RetryBaseDelay", "00:00:00.010");
        builder.UseSetting("DingTalk:StreamReconnectBaseDelay", "00:00:00.020");
        builder.UseSetting("DingTalk:StreamReconnectMaxDelay", "00:00:00.200");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_realBot)
        {
            return;
        }
        builder.ConfigureTestServices(services =>
        {
            // The dialogs are tested elsewhere; a predictable bot lets these tests match replies to messages.
            services.RemoveAll<ITurnHandler>();
            services.AddSingleton<ITurnHandler, EchoTurnHandler>();
        });
    }
}
