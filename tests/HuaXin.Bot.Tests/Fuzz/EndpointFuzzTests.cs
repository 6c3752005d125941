using System.Text.Json.Nodes;
using CsCheck;
using HuaXin.Bot.Tests.DingTalk;

namespace HuaXin.Bot.Tests.Fuzz;

/// <summary>Every inbound HTTP endpoint, fed near-valid and malformed bodies through the real pipeline in memory:
/// never a 5xx, and a refused request never writes to the database.</summary>
public sealed class EndpointFuzzTests(FuzzHost host) : IClassFixture<FuzzHost>
{
    private static readonly string Activity = """
        {"type":"message","id":"1","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"u1","name":"用户"},
         "recipient":{"id":"bot"},"conversation":{"id":"c1","conversationType":"personal"},"text":"帮扶怎么申请","locale":"zh-CN",
         "deliveryMode":"expectReplies","value":{"action":"确认"},"channelData":{"tenant":{"id":"t"}},"entities":[{"type":"mention"}],
         "membersAdded":[{"id":"bot"}],"attachments":[{"contentType":"text/plain","content":"x"}]}
        """;

    private static readonly string DirectLineActivity = """
        {"type":"message","from":{"id":"x","name":"家属"},"text":"你好","locale":"zh-CN","value":{"a":"b"},
         "channelData":{"clientActivityID":"abc"},"attachments":[]}
        """;

    private static readonly string ChatRequest = """
        {"conversationId":"c1","userId":"u1","userName":"张三","text":"你好","value":{"action":"确认","n":1},"locale":"zh-CN"}
        """;

    private static readonly string AskRequest = """{"question":"困难职工帮扶怎么申请","asker":"family"}""";

    [Fact]
    public Task Bot_Framework_messages() => RunAsync(NearValidJson.From(Activity, Activity.Replace("\"message\"", "\"invoke\""),
        Activity.Replace("\"message\"", "\"conversationUpdate\""), Activity.Replace("expectReplies", "normal")), body => FuzzHost.Post("/api/messages", body));

    [Fact]
    public Task Direct_Line_activities() => RunAsync(NearValidJson.From(DirectLineActivity),
        body => FuzzHost.Post(host.ConversationPath, body, host.DirectLineToken));

    [Fact]
    public Task Direct_Line_token_and_conversation_bodies() => RunAsync(NearValidJson.From("""{"user":{"id":"dl_x","name":"n"}}""", "{}"),
        body => FuzzHost.Post("/v3/directline/conversations", body, host.DirectLineToken));

    [Fact]
    public Task DingTalk_callback() => RunAsync(NearValidJson.From(RobotMessages.OfficialSample),
        body => RobotMessages.Signed(FuzzHost.Post("/api/dingtalk/callback", body)));

    [Fact]
    public Task Ask() => RunAsync(NearValidJson.From(AskRequest), body => FuzzHost.Post("/api/ask", body));

    [Fact]
    public Task Chat() => RunAsync(NearValidJson.From(ChatRequest), body => FuzzHost.Post("/api/chat", body));

    [Fact]
    public async Task The_mutator_mostly_produces_json_the_parsers_get_past()
    {
        var parsed = 0;
        var gen = NearValidJson.From(Activity);
        gen.Sample(body =>
        {
            try
            {
                JsonNode.Parse(body);
                Interlocked.Increment(ref parsed);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
            {
            }
        }, iter: 1000, threads: 1);
        Assert.InRange(parsed, 400, 1000);
        await Task.CompletedTask;
    }


    private Task RunAsync(Gen<string> bodies, Func<string, HttpRequestMessage> request) =>
        // One thread: the database check compares versions around a single request.
        bodies.SampleAsync(async body =>
        {
            using var message = request(body);
            await host.AssertHandledAsync(message, body);
        }, iter: NearValidJson.Cases, threads: 1);
}
