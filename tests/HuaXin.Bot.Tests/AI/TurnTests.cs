using HuaXin.Bot.Dialogs.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.AI;

/// <summary>Whole turns through the host's turn pipeline with the model configured.</summary>
public sealed class TurnTests : IAsyncLifetime
{
    private ModelStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ModelStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static InboundTurn Turn(string text) => new("api", "c-ai", "u-ai", "用户", text, null, "zh-CN", DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_policy_question_gets_the_grounded_answer_with_its_sources()
    {
        _stub.Reply = call => call.HasTools
            ? StubReply.Tool("""{"is_request": false}""")
            : StubReply.Text("一般困难一次发2000元，特别困难最高10000元[1]。");
        await using var host = await AIHost.StartAsync(_stub);

        var replies = await host.Services.GetRequiredService<ITurnHandler>().HandleAsync(Turn("困难职工一次性救助标准是多少？"), CancellationToken.None);

        var answer = Assert.Single(replies, r => r.Card?.Kind == "answer");
        Assert.Contains("特别困难最高10000元[1]。", answer.Text);
        Assert.Contains("依据：[1]《困难职工帮扶救助管理办法》", answer.Text);
    }

    [Fact]
    public async Task A_hanging_model_still_answers_the_turn_extractively()
    {
        _stub.Reply = _ => new StubReply.Hang();
        await using var host = await AIHost.StartAsync(_stub, ("AI:TurnDeadline", "00:00:00.300"), ("AI:CallTimeout", "00:00:00.300"), ("AI:MaxRetries", "0"));

        var replies = await host.Services.GetRequiredService<ITurnHandler>().HandleAsync(Turn("困难职工一次性救助标准是多少？"), CancellationToken.None);

        var answer = Assert.Single(replies, r => r.Card?.Kind == "answer");
        Assert.Contains("——《困难职工帮扶救助管理办法》", answer.Text);
        // Understanding and the answer each gave up within the one turn deadline. (Whether their requests reached the
        // stub before the deadline depends on machine load, so only the fallbacks are asserted.)
        Assert.Equal(1, host.Fallbacks(operation: "understand"));
        Assert.Equal(1, host.Fallbacks("deadline", "answer"));
    }
}
