using HuaXin.Bot.AI.Grounding;
using HuaXin.Bot.Knowledge.Answering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;

namespace HuaXin.Bot.Tests.AI;

public sealed class GroundedAnswerTests : IAsyncLifetime
{
    private const string Covered = "困难职工一次性救助标准是多少？";
    private ModelStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ModelStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task Without_a_provider_nothing_AI_is_registered_and_the_answer_is_extractive()
    {
        await using var host = await AIHost.StartAsync(new Dictionary<string, string?>());

        Assert.IsType<KnowledgeService>(host.Knowledge);
        Assert.Null(host.Services.GetService<IChatCompletionService>());
        var answer = await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None);
        Assert.True(answer.Answered);
        Assert.Contains("——《困难职工帮扶救助管理办法》", answer.Answer);
        Assert.Empty(_stub.Calls);
    }

    [Fact]
    public async Task A_cited_answer_replaces_the_extract_and_names_its_sources()
    {
        _stub.Reply = _ => StubReply.Text("一次性救助按困难程度发放，一般困难2000元，特别困难最高10000元【1】。");
        await using var host = await AIHost.StartAsync(_stub);

        var answer = await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.StartsWith("一次性救助按困难程度发放，一般困难2000元，特别困难最高10000元[1]。", answer.Answer);
        Assert.Contains("依据：[1]《困难职工帮扶救助管理办法》第二章 救助对象和标准 第六条", answer.Answer);
        Assert.Equal("hardship", answer.Citations[0].DocId);
        var call = Assert.Single(_stub.ChatCalls);
        Assert.Equal("/v1/chat/completions", call.Path);
        Assert.Equal("Bearer test-key", call.Authorization);
        Assert.Contains("只根据<条款>", call.System);
        Assert.Contains("[1] 《困难职工帮扶救助管理办法》", call.User);
        Assert.Contains($"<用户问题>\n{Covered}\n</用户问题>", call.User);
        Assert.Equal(1, host.Count("llm_calls", operation: GroundedKnowledgeService.Operation));
        Assert.Equal(0, host.Fallbacks());
    }

    [Fact]
    public async Task A_question_retrieval_does_not_cover_is_never_answered_by_the_model()
    {
        await using var host = await AIHost.StartAsync(_stub);

        var answer = await host.Knowledge.AskAsync("公司食堂今天中午吃什么菜", "worker", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.StartsWith("知识库里", answer.Answer);
        // At most a query rewrite saw the question; no clause and no answer prompt was sent.
        Assert.DoesNotContain(_stub.ChatCalls, c => c.System.Contains("只根据", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("一次性救助最高10000元。", "no_citation")]
    [InlineData("一次性救助最高10000元[9]。", "unknown_citation")]
    [InlineData("一次性救助最高3万元[1]。", "unsupported_amount")]
    [InlineData("", "empty")]
    public async Task A_doubtful_answer_is_discarded_for_the_extract(string reply, string reason)
    {
        _stub.Reply = _ => StubReply.Text(reply);
        await using var host = await AIHost.StartAsync(_stub);

        var answer = await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Contains("——《困难职工帮扶救助管理办法》", answer.Answer);
        Assert.Equal(1, host.Fallbacks(reason, GroundedKnowledgeService.Operation));
    }

    [Fact]
    public async Task Family_members_get_the_warmer_plainer_instructions()
    {
        _stub.Reply = _ => StubReply.Text("家里困难的，一次能领2000元到10000元[1]。");
        await using var host = await AIHost.StartAsync(_stub);

        await host.Knowledge.AskAsync(Covered, "family", CancellationToken.None);
        await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None);

        var calls = _stub.ChatCalls.ToList();
        Assert.Contains("职工家属", calls[0].System);
        Assert.Contains("提问的是职工：", calls[1].System);
    }

    [Fact]
    public async Task The_Azure_wire_format_is_spoken_with_the_deployment_and_api_key()
    {
        _stub.Reply = _ => StubReply.Text("最高10000元[1]。");
        await using var host = await AIHost.StartAsync(_stub, ("AI:Provider", "AzureOpenAI"), ("AI:Endpoint", _stub.BaseAddress.ToString()), ("AI:ChatModel", "gpt-4o-mini-prod"));

        var answer = await host.Knowledge.AskAsync(Covered, "worker", CancellationToken.None);

        Assert.StartsWith("最高10000元[1]。", answer.Answer);
        var call = Assert.Single(_stub.ChatCalls);
        Assert.Equal("/openai/deployments/gpt-4o-mini-prod/chat/completions", call.Path);
        Assert.Contains("api-version=", call.Query);
        Assert.Equal("test-key", call.ApiKey);
    }

    [Fact]
    public async Task Streaming_works_through_the_resilient_client()
    {
        _stub.Reply = _ => StubReply.Text("一般困难2000元[1]。");
        await using var host = await AIHost.StartAsync(_stub);
        var chat = host.Services.GetRequiredService<IChatCompletionService>();

        var parts = new List<string>();
        await foreach (var part in chat.GetStreamingChatMessageContentsAsync(new ChatHistory("测试")))
        {
            parts.Add(part.Content ?? "");
        }

        Assert.Equal("一般困难2000元[1]。", string.Concat(parts));
        Assert.True(Assert.Single(_stub.ChatCalls).Stream);
    }
}
