using System.Collections.Concurrent;
using HuaXin.Bot.BotFramework.Authentication;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Messaging;
using HuaXin.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HuaXin.Bot.Tests.BotFramework;

/// <summary>The real host with the Bot Framework channel configured for <see cref="TestTokens"/>, signing keys served by
/// <see cref="FakeOpenIdHandler"/>, a fresh database, <see cref="ScriptedTurnHandler"/> (or the real turn pipeline) as the
/// bot, and either recording fakes or the real inbound queue and outbox.</summary>
public sealed class BotAppFactory : TestAppFactory
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _realMessaging;
    private readonly bool _realBot;

    public ScriptedTurnHandler Bot { get; } = new();
    public RecordingInboundQueue Inbound { get; } = new();
    public RecordingOutbox Outbox { get; } = new();
    public FakeOpenIdHandler OpenId { get; } = new();

    public BotAppFactory(Dictionary<string, string?>? settings = null, bool realMessaging = false, bool kestrel = false, bool realBot = false)
    {
        _realBot = realBot;
        _settings = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = TestTokens.AppId,
            ["Bot:MicrosoftAppPassword"] = "test-secret",
            ["Bot:OpenIdMetadataUrl"] = TestTokens.MetadataUrl,
            ["Bot:EntraOpenIdMetadataUrl"] = TestTokens.EntraMetadataUrl,
            ["Bot:MicrosoftAppTenantId"] = TestTokens.Tenant,
            ["Bot:MaxBodyBytes"] = "65536",
            ["Bot:ConnectorRetryBaseDelay"] = "00:00:00.050",
            ["Bot:ConnectorAttemptTimeout"] = "00:00:01",
            ["Messaging:PollInterval"] = "00:00:00.200",
            ["Messaging:BaseRetryDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in settings ?? [])
        {
            _settings[key] = value;
        }
        _realMessaging = realMessaging;
        if (kestrel)
        {
            UseKestrel(0);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            if (!_realBot)
            {
                services.RemoveAll<ITurnHandler>();
                services.AddSingleton<ITurnHandler>(Bot);
            }
            services.AddHttpClient(BotSigningKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => OpenId);
            if (!_realMessaging)
            {
                services.RemoveAll<IInboundQueue>();
                services.AddSingleton<IInboundQueue>(Inbound);
                services.RemoveAll<IOutbox>();
                services.AddSingleton<IOutbox>(Outbox);
            }
        });
    }
}

/// <summary>The bot: records every turn and answers with <see cref="Reply"/> (an answer card by default).</summary>
public sealed class ScriptedTurnHandler : ITurnHandler
{
    public ConcurrentQueue<InboundTurn> Turns { get; } = new();

    public Func<InboundTurn, IReadOnlyList<OutboundMessage>> Reply { get; set; } = turn => [SampleMessages.Answer(turn.Text ?? "")];

    public Task<IReadOnlyList<OutboundMessage>> HandleAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        Turns.Enqueue(turn);
        return Task.FromResult(Reply(turn));
    }
}

public sealed class RecordingInboundQueue : IInboundQueue
{
    public ConcurrentDictionary<string, (InboundTurn Turn, string Address)> Accepted { get; } = new();

    public Task<bool> AcceptAsync(string messageKey, InboundTurn turn, string replyAddress, CancellationToken cancellationToken) =>
        Task.FromResult(Accepted.TryAdd(messageKey, (turn, replyAddress)));
}

public sealed class RecordingOutbox : IOutbox
{
    public ConcurrentQueue<(string Channel, string Address, OutboundMessage Message, string Key)> Messages { get; } = new();

    public Task EnqueueAsync(string channel, string address, OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        Messages.Enqueue((channel, address, message, idempotencyKey));
        return Task.CompletedTask;
    }
}

/// <summary>One message of every card kind the dialogs produce.</summary>
public static class SampleMessages
{
    private static CardButton Button(string text, params (string Key, string Value)[] extra) =>
        new(text, text, new Dictionary<string, string>(extra.Select(e => KeyValuePair.Create(e.Key, e.Value))) { ["action"] = text });

    public static OutboundMessage Answer(string question) => new(
        $"关于「{question}」：符合条件的困难职工可申请帮扶救助。\n来源：《困难职工帮扶救助管理办法》第二章 第五条",
        new Card("answer", "困难职工帮扶救助", "符合条件的困难职工可申请帮扶救助。",
            [new CardFact("来源", "《困难职工帮扶救助管理办法》第二章 第五条")],
            [Button("有用", ("q", "1")), Button("没用", ("q", "1"))]),
        ["我要申请帮扶"]);

    public static OutboundMessage Summary() => new(
        "请确认您的申请：上门看望老人，明天上午，联系电话 13800000000。回复 确认/修改/取消。",
        new Card("summary", "请确认您的申请", null,
            [new CardFact("类别", "上门看望"), new CardFact("时间", "明天上午"), new CardFact("电话", "13800000000")],
            [Button("确认"), Button("修改"), Button("取消")]));

    public static OutboundMessage Ticket(string status) => new(
        $"工单 HX-20261123-0001（{status}）：上门看望老人。",
        new Card("ticket", "工单 HX-20261123-0001", "上门看望老人",
            [new CardFact("状态", status), new CardFact("部门", "工会")],
            [Button("受理", ("ticket", "HX-20261123-0001")), Button("转派", ("ticket", "HX-20261123-0001")), Button("办结", ("ticket", "HX-20261123-0001"))]));

    public static OutboundMessage List() => new("您的申请：HX-20261123-0001 上门看望（已受理）",
        new Card("list", "我的申请", null, [new CardFact("HX-20261123-0001", "上门看望 · 已受理")], []));

    public static OutboundMessage Rating() => new("请为本次服务打分：满意/一般/不满意",
        new Card("rating", "请为本次服务打分", null, [], [Button("满意"), Button("一般"), Button("不满意")]));

    public static OutboundMessage PlainText() => new("好的，已为您记录。");

    public static IReadOnlyList<OutboundMessage> All() =>
        [Answer("帮扶怎么申请"), Summary(), Ticket("待受理"), List(), Rating(), HuaXin.Bot.BotFramework.WelcomeMessage.Create(), PlainText()];
}
