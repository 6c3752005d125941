using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Knowledge;

/// <summary>With the shipped clause model: a question that asks how much, when the best clause found states no number of
/// what was asked (the dates of the heating season are not money), is told so and offered the clauses as related; the same
/// subject asked without a number is answered from them. (A number a clause states is answered: AbstentionTests'
/// 探亲几天, the follow-up's 多久能批下来 in ChatApiTests.) A number to dial is answered from a clause that gives one, even
/// when the clause that ranks first only says to call.</summary>
public class NumberNotStatedTests : IAsyncLifetime
{
    private const string Heating = """
        ---
        id: heating
        title: 冬季取暖补贴办法
        category: regulation
        ---
        # 冬季取暖补贴办法

        ### 第三条

        冬季取暖补贴的具体标准由各单位工会根据当地气温和燃料价格确定，报集团工会备案。

        ### 第四条

        取暖补贴随工资发放，职工不需要另行申请。

        ### 第五条

        每年11月15日起开始供暖，至次年3月15日止。
        """;

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
        _fixture = await KnowledgeFixture.CreateAsync(new Dictionary<string, string> { ["heating.md"] = Heating, ["logistics.md"] = Logistics }, clauseModel: true);
        await _fixture.Services.InitializeKnowledgeAsync();
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task A_number_no_clause_found_states_is_not_answered_and_the_clauses_are_offered()
    {
        var answer = await Service.AskAsync("冬季取暖补贴一个月发多少钱", "family", CancellationToken.None);

        Assert.False(answer.Answered);
        Assert.Equal("找到的规定里没有写具体是多少。", answer.Answer);
        Assert.Contains(answer.Related, r => r.Contains("冬季取暖补贴办法", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_subject_asked_without_a_number_is_answered()
    {
        var answer = await Service.AskAsync("冬季取暖补贴要自己申请吗", "family", CancellationToken.None);

        Assert.True(answer.Answered);
        Assert.Equal("heating", answer.Citations[0].DocId);
    }

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
