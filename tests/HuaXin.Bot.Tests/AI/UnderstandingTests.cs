using HuaXin.Bot.AI.Understanding;
using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Tests.AI;

/// <summary>The model's reading through function calling, validated and merged with the rules (see UnderstandingMerge).</summary>
public sealed class UnderstandingTests : IAsyncLifetime
{
    private ModelStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ModelStub.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private static string Args(object value) => System.Text.Json.JsonSerializer.Serialize(value);

    [Fact]
    public async Task The_tool_schema_comes_from_the_taxonomy_and_the_message_is_masked()
    {
        _stub.Reply = _ => StubReply.Tool(Args(new { is_request = true, category = "family_care" }));
        await using var host = await AIHost.StartAsync(_stub);

        await host.Understanding.UnderstandAsync("俺娘一个人在家，想找人去看看，电话13805312266", CancellationToken.None);

        var call = Assert.Single(_stub.ChatCalls);
        Assert.Equal("Triage-record_request", call.ToolName);
        var categories = call.ToolParameters["properties"]!["category"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
        Assert.Contains("family_care", categories);
        Assert.Contains("complaint", categories);
        Assert.Contains("138****2266", call.User);
        Assert.DoesNotContain("13805312266", call.User);
    }

    [Fact]
    public async Task The_rules_phone_stands_and_the_department_comes_from_the_taxonomy()
    {
        _stub.Reply = _ => StubReply.Tool(Args(new { is_request = true, category = "medical", phone = "13900000000", relation = "母亲" }));
        await using var host = await AIHost.StartAsync(_stub);

        var understood = await host.Understanding.UnderstandAsync("俺娘住院了没人陪，电话13805312266", CancellationToken.None);

        Assert.True(understood.IsRequest);
        Assert.Equal("medical", understood.Category);
        Assert.Equal(TaxonomyDepartment(host, "medical"), understood.Department);
        Assert.Equal("13805312266", understood.Slots[SlotNames.Phone]);
        Assert.Equal("俺娘住院了没人陪，电话13805312266", understood.Slots[SlotNames.Description]);
    }

    [Fact]
    public async Task An_unknown_category_and_a_malformed_or_invented_phone_are_ignored()
    {
        _stub.Reply = _ => StubReply.Tool(Args(new { is_request = true, category = "vip_concierge", phone = "1380531", relation = "外星人" }));
        await using var host = await AIHost.StartAsync(_stub);
        const string text = "俺娘一个人在家，想找人去看看";

        var understood = await host.Understanding.UnderstandAsync(text, CancellationToken.None);

        Assert.Equal("family_care", understood.Category);
        Assert.False(understood.Slots.ContainsKey(SlotNames.Phone));
        Assert.Equal("母亲", understood.Slots[SlotNames.Relation]);
    }

    [Fact]
    public async Task The_model_fills_gaps_only_with_values_found_in_the_message()
    {
        const string text = "我家老房子在历城区港沟街道神武村东头，屋顶漏雨了，麻烦安排人修一下";
        _stub.Reply = _ => StubReply.Tool(Args(new
        {
            is_request = true,
            category = "home_repair",
            address = "历城区港沟街道神武村东头",
            when = "明天上午",
            urgency = "非常紧急",
        }));
        await using var host = await AIHost.StartAsync(_stub);
        var rules = await new HuaXin.Bot.Dialogs.Understanding.RequestUnderstanding(
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<HuaXin.Bot.Dialogs.Triage.Taxonomy>(host.Services),
            TimeProvider.System,
            Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<HuaXin.Bot.Dialogs.Understanding.RequestModel>(host.Services))
            .UnderstandAsync(text, CancellationToken.None);

        var understood = await host.Understanding.UnderstandAsync(text, CancellationToken.None);

        Assert.Equal("home_repair", understood.Category);
        Assert.Equal(rules.Slots.GetValueOrDefault(SlotNames.Address) ?? "历城区港沟街道神武村东头", understood.Slots[SlotNames.Address]);
        Assert.False(understood.Slots.ContainsKey(SlotNames.When));
        Assert.Equal(rules.Slots.GetValueOrDefault(SlotNames.Urgency), understood.Slots.GetValueOrDefault(SlotNames.Urgency));
    }

    [Fact]
    public async Task A_policy_question_stays_a_question_when_the_model_gives_no_valid_category()
    {
        _stub.Reply = _ => StubReply.Tool(Args(new { is_request = true, category = "none" }));
        await using var host = await AIHost.StartAsync(_stub);

        var understood = await host.Understanding.UnderstandAsync("困难帮扶有啥条件？", CancellationToken.None);

        Assert.False(understood.IsRequest);
        Assert.Null(understood.Department);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("bad_arguments")]
    public async Task A_reply_without_a_usable_tool_call_leaves_the_rules_result(string kind)
    {
        _stub.Reply = _ => kind == "text" ? StubReply.Text("这是一个家庭照料诉求") : StubReply.Tool("{\"is_request\": tru");
        await using var host = await AIHost.StartAsync(_stub);

        var understood = await host.Understanding.UnderstandAsync("俺娘一个人在家，想找人去看看，电话13805312266", CancellationToken.None);

        Assert.Equal("family_care", understood.Category);
        Assert.Equal("13805312266", understood.Slots[SlotNames.Phone]);
        Assert.Equal(1, host.Fallbacks(operation: LlmRequestUnderstanding.Operation));
    }

    private static string TaxonomyDepartment(AIHost host, string code) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<HuaXin.Bot.Dialogs.Triage.Taxonomy>(host.Services).Get(code).Department;

}
