using HuaXin.Bot.AI;
using HuaXin.Bot.AI.Grounding;
using HuaXin.Bot.AI.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HuaXin.Bot.Tests.AI;

/// <summary>Whatever the model does, the user gets the extractive answer: the fallbacks are asserted by content and by
/// the fallback counter, never by elapsed time.</summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private const string Covered = "困难职工一次性救助标准是多少？";
    private ModelStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ModelStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static void AssertExtractive(HuaXin.Bot.Dialogs.Abstractions.KnowledgeAnswer answer)
    {
        Assert.True(answer.Answered);
        Assert.EndsWith("——《困难职工帮扶救助管理办法》第六条", answer.Answer);
    }

    [Fact]
    public async Task A_hanging_model_still_yields_the_extractive_answer_at_the_deadline()
    {
        _stub.Reply = _ => new StubReply.Hang();
        await using var host = await AIHost.StartAsync(_stub, ("AI:TurnDeadline", "00:00:00.300"), ("AI:CallTimeout", "00:00:00.300"), ("AI:MaxRetries", "0"));

        AssertExtractive(await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None));

        Assert.Equal(1, host.Fallbacks(operation: GroundedKnowledgeService.Operation));
        Assert.Equal(1, host.Fallbacks("deadline") + host.Fallbacks("timeout"));
        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Category == typeof(ModelCalls).FullName);
        Assert.DoesNotContain("救助", warning.Message);
    }

    [Fact]
    public async Task A_slow_attempt_is_cut_off_by_the_call_timeout()
    {
        _stub.Reply = _ => new StubReply.Slow(TimeSpan.FromSeconds(30), StubReply.Text("太迟了[1]"));
        await using var host = await AIHost.StartAsync(_stub, ("AI:CallTimeout", "00:00:00.200"), ("AI:MaxRetries", "0"));

        AssertExtractive(await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None));

        Assert.Equal(1, host.Fallbacks("timeout"));
    }

    [Fact]
    public async Task One_turn_shares_one_deadline_across_understanding_and_answering()
    {
        _stub.Reply = _ => new StubReply.Hang();
        // Each call's share of the turn ends a second before the call timeout could: only the deadline cuts, however late
        // a busy machine runs its timer (at 300 ms each the call timeout sometimes won and the fallback read "timeout").
        await using var host = await AIHost.StartAsync(_stub, ("AI:TurnDeadline", "00:00:02"), ("AI:CallTimeout", "00:00:02"), ("AI:MaxRetries", "0"));
        var time = host.Services.GetRequiredService<TimeProvider>();

        using (AITurnBudget.Enter(time, TimeSpan.FromSeconds(2)))
        {
            await host.Understanding.UnderstandAsync("俺娘一个人在家，想找人去看看", CancellationToken.None);
            AssertExtractive(await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None));
        }

        // Understanding may use half the turn, the answer the rest: neither waits past the one deadline. (Whether each
        // request reached the stub before its share ran out depends on machine load, so only the fallbacks are asserted.)
        Assert.Equal(1, host.Fallbacks("deadline", LlmRequestUnderstanding.Operation));
        Assert.Equal(1, host.Fallbacks("deadline", GroundedKnowledgeService.Operation));
    }

    [Fact]
    public async Task Server_errors_are_retried_then_fall_back()
    {
        _stub.Reply = _ => new StubReply.Status(500);
        await using var host = await AIHost.StartAsync(_stub, ("AI:MaxRetries", "2"));

        AssertExtractive(await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None));

        Assert.Equal(3, _stub.ChatCalls.Count());
        Assert.Equal(1, host.Fallbacks("server_error"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After_and_then_answered()
    {
        var attempts = 0;
        _stub.Reply = _ => Interlocked.Increment(ref attempts) == 1 ? new StubReply.Status(429, RetryAfterSeconds: 1) : StubReply.Text("最高10000元[1]。");
        // A generous deadline: the one-second wait plus a second call must fit even on a busy machine; this test is
        // about honouring Retry-After, not about how fast the turn is.
        await using var host = await AIHost.StartAsync(_stub, ("AI:TurnDeadline", "00:00:30"), ("AI:CallTimeout", "00:00:20"));

        var answer = await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None);

        Assert.StartsWith("最高10000元[1]。", answer.Answer);
        Assert.Equal(2, _stub.ChatCalls.Count());
        Assert.Equal(0, host.Fallbacks());
    }

    [Fact]
    public async Task A_429_asking_to_wait_longer_than_a_turn_is_not_retried()
    {
        _stub.Reply = _ => new StubReply.Status(429, RetryAfterSeconds: 600);
        await using var host = await AIHost.StartAsync(_stub);

        AssertExtractive(await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None));

        Assert.Single(_stub.ChatCalls);
        Assert.Equal(1, host.Fallbacks("rate_limited"));
    }

    [Fact]
    public async Task Malformed_json_falls_back()
    {
        _stub.Reply = _ => new StubReply.Malformed();
        await using var host = await AIHost.StartAsync(_stub);

        AssertExtractive(await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None));

        Assert.Equal(1, host.Fallbacks("malformed"));
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_stops_calling_the_model()
    {
        _stub.Reply = _ => new StubReply.Status(500);
        await using var host = await AIHost.StartAsync(_stub, ("AI:MaxRetries", "0"));

        for (var i = 0; i < 6; i++)
        {
            AssertExtractive(await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None));
        }

        Assert.True(host.Fallbacks("circuit_open") > 0);
        Assert.Equal(6 - host.Fallbacks("circuit_open"), _stub.ChatCalls.Count());
    }

    [Fact]
    public async Task Understanding_falls_back_to_the_rules_when_the_model_fails()
    {
        _stub.Reply = _ => new StubReply.Status(500);
        await using var host = await AIHost.StartAsync(_stub, ("AI:MaxRetries", "0"));
        var rules = new HuaXin.Bot.Dialogs.Understanding.RequestUnderstanding(
            host.Services.GetRequiredService<HuaXin.Bot.Dialogs.Triage.Taxonomy>(), TimeProvider.System,
            host.Services.GetRequiredService<HuaXin.Bot.Dialogs.Understanding.RequestModel>(), host.Services.GetRequiredService<HuaXin.Bot.Dialogs.Abstractions.IKnowledgeEvidence>());
        const string text = "俺娘一个人在家，想找人去看看，电话13805312266";

        var understood = await host.Understanding.UnderstandAsync(text, CancellationToken.None);

        var expected = await rules.UnderstandAsync(text, CancellationToken.None);
        Assert.Equal(expected.Category, understood.Category);
        Assert.Equal(expected.Slots, understood.Slots);
        Assert.Equal(1, host.Fallbacks("server_error", LlmRequestUnderstanding.Operation));
    }

    [Theory]
    [InlineData("AzureOpenAI", null, "gpt", "key", "AI:Endpoint")]
    [InlineData("AzureOpenAI", "https://x.openai.azure.com/", "gpt", null, "AI:ApiKey")]
    [InlineData("OpenAICompatible", "http://127.0.0.1:8000/v1", null, null, "AI:ChatModel")]
    public void Incomplete_settings_fail_with_a_message_naming_the_setting(string provider, string? endpoint, string? model, string? key, string named)
    {
        var options = new AIOptions
        {
            Provider = Enum.Parse<AIProvider>(provider),
            Endpoint = endpoint is null ? null : new Uri(endpoint),
            ChatModel = model,
            ApiKey = key,
        };

        var result = new AIOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }

    [Fact]
    public async Task A_call_timeout_longer_than_the_turn_fails_at_startup()
    {
        await using var host = await AIHost.StartAsync(_stub, ("AI:CallTimeout", "00:00:09"), ("AI:TurnDeadline", "00:00:04"));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<AIOptions>>().Value);
        Assert.Contains("AI:CallTimeout", error.Message);
    }
}
