using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Conversation;

namespace HuaXin.Bot.Dialogs.Tests.Support;

/// <summary>A conversation written as a table: each row is what the user types or presses, what the bot's replies
/// must contain, and optionally what the state must hold afterwards.</summary>
public sealed class DialogScript(BotHarness harness, string conversationId = "c1")
{
    private readonly List<Func<Task>> _steps = [];
    private int _row;

    public IReadOnlyList<OutboundMessage> LastReplies { get; private set; } = [];

    public DialogScript User(string text, params string[] replyContains) => Add(text, null, replyContains);

    /// <summary>A button press: sends only Value, as channels do.</summary>
    public DialogScript Press(string action, params string[] replyContains) =>
        Add(null, new Dictionary<string, string> { [CardData.Action] = action }, replyContains);

    public DialogScript Slot(string slot, string? expected) => Check(state =>
        Assert.Equal(expected, state.Intake?.Slots.GetValueOrDefault(slot)));

    public DialogScript Pending(string? expected) => Check(state => Assert.Equal(expected, state.Intake?.Pending));

    public DialogScript NoIntake() => Check(state => Assert.Null(state.Intake));

    public DialogScript ReplyLacks(string text) => Then(() => Assert.DoesNotContain(text, AllText()));

    public DialogScript Check(Action<ConversationState> check)
    {
        _steps.Add(async () => check(await harness.StateAsync(conversationId)));
        return this;
    }

    public DialogScript Then(Action check)
    {
        _steps.Add(() =>
        {
            check();
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task RunAsync()
    {
        foreach (var step in _steps) await step();
    }

    private DialogScript Add(string? text, IReadOnlyDictionary<string, string>? value, string[] replyContains)
    {
        _steps.Add(async () =>
        {
            var row = ++_row;
            LastReplies = await harness.SendAsync(conversationId, text, value);
            var all = AllText();
            foreach (var expected in replyContains)
                Assert.True(all.Contains(expected, StringComparison.Ordinal),
                    $"row {row} ({text ?? value?[CardData.Action] ?? "nothing"}): expected a reply containing 「{expected}」 but the bot said:\n{all}");
        });
        return this;
    }

    private string AllText() => string.Join("\n---\n", LastReplies.Select(r => r.Text));
}
