using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Understanding;
using Microsoft.Extensions.Time.Testing;

namespace HuaXin.Bot.Dialogs.Tests.Support;

/// <summary>The bot wired over in-memory stores and a fixed clock, as the host wires it over real ones.</summary>
public sealed class BotHarness
{
    public FakeTimeProvider Clock { get; } = TestData.Clock();
    public InMemoryConversationStateStore States { get; } = new();
    public InMemoryFeedbackStore Feedback { get; } = new();
    public FakeKnowledgeService Knowledge { get; } = new();
    public InMemoryServiceRequestStore Requests { get; }
    public FakeRequesterTickets Tickets { get; } = new();
    public ConversationRunner Runner { get; private set; }

    private readonly IKnowledgeEvidence? _evidence;

    /// <param name="evidence">The deployment's documents as the danger dialog reads them (its crisis line); none by default.</param>
    public BotHarness(IKnowledgeEvidence? evidence = null)
    {
        _evidence = evidence;
        Requests = new InMemoryServiceRequestStore(Clock);
        Runner = NewRunner();
    }

    /// <summary>A fresh runner over the same stores, as after a process restart.</summary>
    public ConversationRunner Restart() => Runner = NewRunner();

    public Task<IReadOnlyList<OutboundMessage>> SendAsync(string conversationId, string? text, IReadOnlyDictionary<string, string>? value = null) =>
        Runner.HandleAsync(new InboundTurn("api", conversationId, "user-" + conversationId, "张师傅", text, value, "zh-CN", Clock.GetUtcNow()), CancellationToken.None);

    public async Task<ConversationState> StateAsync(string conversationId) =>
        ConversationState.FromJson((await States.LoadAsync("api:" + conversationId, CancellationToken.None))?.Json);

    private ConversationRunner NewRunner()
    {
        var taxonomy = TestData.Taxonomy;
        var bot = new HuaXinBot(taxonomy, TestData.Understanding(Clock), Knowledge, Requests, Feedback, Clock, _evidence,
            tickets: Tickets, profiles: Tickets, dangerModel: TestData.DangerModel);
        return new ConversationRunner(bot, States);
    }
}
