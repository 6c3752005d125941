using HuaXin.Bot.AI.Retrieval;
using HuaXin.Bot.Data;
using HuaXin.Bot.Knowledge.Ingestion;
using HuaXin.Bot.Knowledge.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.AI;

/// <summary>Query rewriting and hybrid retrieval: the model widens the search, the lexical evidence still decides coverage.</summary>
public sealed class RetrievalTests : IAsyncLifetime
{
    private ModelStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ModelStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static bool IsRewrite(StubCall call) => call.System.Contains("改写", StringComparison.Ordinal);

    [Fact]
    public async Task A_colloquial_question_is_answered_through_its_rewrite()
    {
        _stub.Reply = call => IsRewrite(call) ? StubReply.Text("困难职工一次性救助标准") : StubReply.Text("一般困难2000元[1]。");
        await using var host = await AIHost.StartAsync(_stub);
        const string question = "屋里头揭不开锅了，厂里能拉俺一把不";
        Assert.False(host.Services.GetRequiredService<IKnowledgeSearch>().Search(question).Covered);

        var answer = await host.Knowledge.AskAsync(question, "family", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Equal("hardship", answer.Citations[0].DocId);
        Assert.Contains("<提问>\n" + question + "\n</提问>", _stub.ChatCalls.Single(IsRewrite).User);
    }

    [Fact]
    public async Task A_covered_question_is_not_rewritten()
    {
        _stub.Reply = _ => StubReply.Text("一般困难2000元[1]。");
        await using var host = await AIHost.StartAsync(_stub);

        await host.Knowledge.AskAsync("困难职工一次性救助标准是多少？", "worker", CancellationToken.None);

        Assert.DoesNotContain(_stub.ChatCalls, IsRewrite);
    }

    [Fact]
    public async Task A_failed_rewrite_leaves_the_lexical_abstention()
    {
        _stub.Reply = _ => new StubReply.Status(500);
        await using var host = await AIHost.StartAsync(_stub, ("AI:MaxRetries", "0"));

        var answer = await host.Knowledge.AskAsync("屋里头揭不开锅了，厂里能拉俺一把不", "worker", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Equal(1, host.Fallbacks("server_error", QueryRewriter.Operation));
    }

    [Fact]
    public async Task Chunks_are_embedded_once_per_content_hash_and_stored()
    {
        _stub.Reply = _ => StubReply.Text("一般困难2000元[1]。");
        await using var host = await AIHost.StartAsync(_stub, ("AI:EmbeddingModel", "stub-embedding"));
        var chunks = host.Services.GetRequiredService<KnowledgeIndexStore>().Current.Bm25.Chunks.Count;

        var stored = await CountEmbeddingsAsync(host);
        var embeddingCalls = EmbeddingCalls();
        await host.Services.GetRequiredService<KnowledgeRefresher>().RefreshAsync();
        // A changed document: only its chunks are embedded again.
        var docs = Path.Combine(host.Services.GetRequiredService<HuaXin.Bot.Knowledge.KnowledgeLocations>().DocsPath, "home-leave.md");
        await File.AppendAllTextAsync(docs, "\n## 三、假期待遇\n\n探亲假期间工资照发。\n");
        await host.Services.GetRequiredService<KnowledgeRefresher>().RefreshAsync();

        Assert.Equal(chunks, stored);
        Assert.True(embeddingCalls > 0);
        var inputs = _stub.Calls.Where(c => c.Path.EndsWith("/embeddings", StringComparison.Ordinal)).Skip(embeddingCalls)
            .SelectMany(c => c.Body["input"]!.AsArray().Select(i => i!.GetValue<string>())).ToList();
        Assert.NotEmpty(inputs);
        Assert.All(inputs, i => Assert.StartsWith("外出职工探亲休假规定", i));
        Assert.Equal(stored + inputs.Count, await CountEmbeddingsAsync(host));
    }

    [Fact]
    public async Task Embedding_neighbours_never_make_an_uncovered_question_answerable()
    {
        _stub.Reply = call => IsRewrite(call) ? StubReply.Text("公司食堂菜单") : StubReply.Text("一般困难2000元[1]。");
        await using var host = await AIHost.StartAsync(_stub, ("AI:EmbeddingModel", "stub-embedding"));
        var search = host.Services.GetRequiredService<IKnowledgeSearch>();

        var result = await search.SearchAsync("公司食堂今天中午吃什么菜", 3, CancellationToken.None);
        var covered = await search.SearchAsync("困难职工一次性救助标准是多少？", 3, CancellationToken.None);

        Assert.False(result.Covered);
        Assert.NotEmpty(result.Hits);
        Assert.True(covered.Covered);
        Assert.True(covered.Hits[0].Confident);
        Assert.Equal("hardship", covered.Hits[0].Chunk.DocId);
    }

    [Fact]
    public void Reciprocal_rank_fusion_rewards_agreement_over_one_first_place()
    {
        var fused = ReciprocalRankFusion.Fuse([["a", "b", "c"], ["b", "c", "a"], ["c", "b"]]);

        Assert.Equal(["b", "c", "a"], fused);
    }

    private int EmbeddingCalls() => _stub.Calls.Count(c => c.Path.EndsWith("/embeddings", StringComparison.Ordinal));

    private static async Task<int> CountEmbeddingsAsync(AIHost host)
    {
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<HuaXinDbContext>>().CreateDbContextAsync();
        return await db.Set<ChunkEmbedding>().CountAsync();
    }
}
