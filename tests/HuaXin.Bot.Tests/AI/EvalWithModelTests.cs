using System.Text.Json;
using System.Text.Json.Nodes;
using HuaXin.Bot.Cli;
using HuaXin.Bot.Tests.Knowledge;
using HuaXin.Bot.Tests.Support;

namespace HuaXin.Bot.Tests.AI;

/// <summary>The eval command builds the service's own composition, so AI:* settings reach it; --no-ai gives the baseline.</summary>
// The command always works on a scratch SQLite file of its own, whatever the test run's provider.
[Trait("Database", "Sqlite")]
public sealed class EvalWithModelTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private ModelStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ModelStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Eval_uses_the_configured_model_and_can_run_without_it()
    {
        _stub.Reply = call => call.System.Contains("改写", StringComparison.Ordinal)
            ? StubReply.Text("困难职工一次性救助标准")
            : StubReply.Text("一般困难2000元[1]。");
        var docs = Directory.CreateDirectory(_dir.File("docs")).FullName;
        foreach (var (name, content) in KnowledgeFixture.DefaultCorpus)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(docs, name))!);
            await File.WriteAllTextAsync(Path.Combine(docs, name), content);
        }
        var questions = _dir.File("questions.jsonl");
        await File.WriteAllLinesAsync(questions,
        [
            """{"id":"q1","q":"屋里头揭不开锅了，厂里能拉俺一把不","expect":["hardship"],"kind":"colloquial","asker":"family"}""",
            """{"id":"q2","q":"困难职工一次性救助标准是多少？","expect":["hardship"]}""",
        ]);
        var config = _dir.File("ai.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            AI = new { Provider = "OpenAICompatible", Endpoint = _stub.OpenAIEndpoint, ApiKey = "test-key", ChatModel = "stub-chat" },
        }));

        Assert.Equal(0, await EvalCommand.RunAsync(["--knowledge", docs, "--questions", questions, "--out", _dir.File("model.jsonl"), "--config", config]));
        var modelCalls = _stub.ChatCalls.Count();
        Assert.Equal(0, await EvalCommand.RunAsync(["--knowledge", docs, "--questions", questions, "--out", _dir.File("baseline.jsonl"), "--config", config, "--no-ai"]));

        Assert.True(modelCalls >= 3, $"rewrite + two grounded answers expected, got {modelCalls}");
        Assert.Equal(modelCalls, _stub.ChatCalls.Count());
        Assert.True(Answered(_dir.File("model.jsonl"), "q1"));
        Assert.False(Answered(_dir.File("baseline.jsonl"), "q1"));
        Assert.True(Answered(_dir.File("baseline.jsonl"), "q2"));
    }

    private static bool Answered(string jsonl, string id) => File.ReadAllLines(jsonl)
        .Select(line => JsonNode.Parse(line)!)
        .Single(n => n["id"]!.GetValue<string>() == id)["answered"]!.GetValue<bool>();
}
