using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>With the shipped clause model: a question for a number to dial is answered from a clause that gives one,
/// even when the clause that ranks first only says to call; with no number anywhere it is told so.</summary>
public class PhoneNumberTests : IAsyncLifetime
{
    private const string Logistics = """
        ---
        id: logistics
        title: 后勤保障服务规范
        category: regulation
        ---
        # 后勤保障服务规范

        ### 第二条

        后勤管理中心负责本规范的组织实施和监督检查。后勤服务电话0531-8888 6606，24小时报修电话0531-8888 6610。

        ### 第五条

        宿舍设施损坏的，职工可向后勤专管员报修或拨打报修电话，一般问题24小时内修复。

        ### 第九条

        职工食堂每日供应早、中、晚三餐，夜班另供夜宵。
        """;

    private KnowledgeFixture _fixture = null!;

    private IKnowledgeService Service => _fixture.Services.GetRequiredService<IKnowledgeService>();

    public async Task InitializeAsync()
    {
        _fixture = await KnowledgeFixture.CreateAsync(new Dictionary<string, string> { ["logistics.md"] = Logistics }, clauseModel: true);
        await _fixture.Services.InitializeKnowledgeAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_number_to_dial_is_answered_from_a_clause_that_gives_it()
    {
        var answer = await Service.AskAsync("宿舍东西坏了 报修电话是多少", "worker", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Contains("0531-8888 6610", answer.Lead);
    }

    [Fact]
    public async Task A_number_to_dial_no_clause_gives_is_not_answered()
    {
        var answer = await Service.AskAsync("职工食堂的订餐电话是多少", "worker", CancellationToken.None);

        Assert.False(answer.Answered);
    }
}
