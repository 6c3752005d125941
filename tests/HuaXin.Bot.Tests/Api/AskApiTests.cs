using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Api;

public sealed class AskApiTests : IClassFixture<AskApiTests.App>, IDisposable
{
    private readonly App _app;
    private readonly HttpClient _client;

    public AskApiTests(App app)
    {
        _app = app;
        _client = app.Factory.CreateClient();
    }

    public sealed class App : IDisposable
    {
        public HuaXinAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task A_colloquial_question_gets_a_cited_clause()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "俺家娃考上大学了有补贴没", asker = "family" });

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("answered").GetBoolean());
        // The 十项帮扶承诺 item on 子女教育 and the 助学办法 both answer it; the 助学办法 must be among the citations.
        var citations = body.GetProperty("citations").EnumerateArray().ToList();
        Assert.Contains(citations, c => c.GetProperty("docId").GetString() == "education-aid");
        Assert.All(citations, c => Assert.NotEmpty(c.GetProperty("headings").EnumerateArray()));
        Assert.Contains("助学", body.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_uncovered_question_is_answered_honestly_and_offers_a_person()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "公司股票怎么买", asker = "worker" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("answered").GetBoolean());
        Assert.Contains("知识库里没有", body.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_uncovered_question_holding_nul_is_still_recorded_for_knowledge_upkeep()
    {
        // PostgreSQL refuses NUL in text; the question must still reach the unanswered list, without it.
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = "火星移民\u0000怎么报名", asker = "worker" });

        response.EnsureSuccessStatusCode();
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var recorded = await scope.ServiceProvider.GetRequiredService<HuaXinDbContext>().UnansweredQuestions.Select(q => q.Question).ToListAsync();
        Assert.Contains("火星移民怎么报名", recorded);
    }

    [Theory]
    [InlineData("{\"question\":\"\"}", "empty_question")]
    [InlineData("{\"question\":\"   \"}", "empty_question")]
    [InlineData("{\"asker\":\"worker\"}", "empty_question")]
    [InlineData("{\"question\":\"探亲假几天\",\"asker\":\"boss\"}", "invalid_asker")]
    [InlineData("{\"question\":", "invalid_json")]
    [InlineData("not json at all", "invalid_json")]
    [InlineData("null", "invalid_json")]
    [InlineData("[1,2,3]", "invalid_json")]
    public async Task Bad_input_gets_a_clear_bilingual_400_and_stores_nothing(string json, string code)
    {
        var before = await CountRowsAsync();

        var response = await _client.PostAsync("/api/ask", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, body.GetProperty("error").GetString());
        var message = body.GetProperty("message").GetString()!;
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        Assert.Matches(@"/ [A-Za-z]", message); // then the English
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task A_question_over_2000_characters_is_refused()
    {
        var response = await _client.PostAsJsonAsync("/api/ask", new { question = new string('探', 2001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("question_too_long", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        var response = await _client.PostAsync("/api/ask", new StringContent(new string('x', 70_000), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_description_is_served()
    {
        var json = await _client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/ask", json);
        Assert.Contains("/api/chat", json);
    }

    private async Task<int> CountRowsAsync()
    {
        await using var scope = _app.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuaXinDbContext>();
        return await db.UnansweredQuestions.CountAsync() + await db.AnswerFeedback.CountAsync() + await db.ConversationStates.CountAsync();
    }

    public void Dispose() => _client.Dispose();
}
