using System.Text.RegularExpressions;
using HuaXin.Bot.Data;
using HuaXin.Bot.Tests.DirectLine;
using HuaXin.Bot.Tests.Support;
using HuaXin.Bot.Tickets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Api;

/// <summary>Issue 15's "done when", through the real host: /api/chat and Microsoft's Direct Line client.</summary>
public sealed partial class DialogDoneWhenTests
{
    private const string Request = "俺娘一个人在济南章丘老家 想找人去看看 电话138 0531 2266";

    [Theory]
    [InlineData("确认")]
    [InlineData("没了")]
    [InlineData("对，提交吧")]
    public async Task A_request_then_nothing_more_then_a_plain_yes_ends_in_a_ticket_number(string yes)
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-done");

        await chat.SayAsync(Request);
        Assert.Contains("请核对", await chat.SayAsync("就这些，没有别的了"));
        Assert.Matches(Number(), await chat.SayAsync(yes));
    }

    [Fact]
    public async Task An_address_not_given_twice_is_left_to_the_callback_and_the_request_ends_in_a_ticket_number()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-no-address");

        Assert.Contains("电话", await chat.SayAsync("俺家水管子冻裂了 淌了一地水 俺男人在外地工地上 能来人修修不"));
        Assert.Contains("详细地址", await chat.SayAsync("13805312266"));
        Assert.Contains("最好能告诉我们", await chat.SayAsync("就这些，没有别的了"));
        var summary = await chat.SayAsync("对，提交吧");
        Assert.Contains("地址等工作人员打电话时再跟您确认", summary);
        Assert.Contains("请核对", summary);
        Assert.Contains("待电话确认", summary);
        var number = Number().Match(await chat.SayAsync("确认")).Value;
        Assert.NotEmpty(number);

        await using var scope = app.Services.CreateAsyncScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<HuaXinDbContext>().ServiceRequests.SingleAsync();
        Assert.Equal((number, "home_repair"), (ticket.Number, ticket.Category));
        // Staff read the slots through TicketSlots, as the console's ticket pages do.
        Assert.Equal("待电话确认", TicketSlots.All(ticket)["address"]);
    }

    [Fact]
    public async Task A_policy_question_is_answered_with_a_citation_and_opens_nothing()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-question");

        var reply = await chat.SayAsync("俺家娃考上大学了有补贴没");
        Assert.Contains("《职工子女助学办法》", reply);
        Assert.DoesNotContain("请留一个", reply);
        Assert.Contains("需要帮您登记「", reply);
        Assert.Contains("不登记", await chat.SayAsync("我就是问问，不用登记"));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HuaXinDbContext>().ServiceRequests.CountAsync());
    }

    [Fact]
    public async Task A_question_about_a_service_the_documents_answer_gets_the_answer_and_the_offer_not_the_form()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-service-question");

        var reply = await chat.SayAsync("我想报名当志愿者，有没有年龄要求？");

        Assert.Contains("志愿服务管理办法》", reply);
        Assert.Contains("需要帮您登记「志愿服务", reply);
        Assert.DoesNotContain("请留一个", reply);
        Assert.Contains("请留一个", await chat.SayAsync("需要"));
    }

    [Fact]
    public async Task A_time_or_place_given_after_an_offer_takes_the_offered_need_down()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-offer-detail");
        Assert.Contains("需要帮您登记「家中维修」", await chat.SayAsync("窗户玻璃碎了"));

        var reply = await chat.SayAsync("12月10号下午");

        Assert.Contains("登记「家中维修」", reply);
        Assert.Contains("请留一个", reply);
    }

    [Fact]
    public async Task A_question_on_a_rule_is_not_offered_a_service_of_another_department()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-rule-question");

        // 探亲 is also a word of 后勤's ticket service, but the clauses it matches are the leave rules of 办公室.
        var reply = await chat.SayAsync("探亲假必须一口气休完吗？能不能拆成两段休？");

        Assert.Contains("《职工探亲休假管理规定》", reply);
        Assert.DoesNotContain("需要帮您登记", reply);
        Assert.DoesNotContain("请留一个", reply);
    }

    [Fact]
    public async Task A_trouble_told_without_asking_that_a_document_speaks_to_gets_that_answer_not_a_hello()
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-told").SayAsync("俺男人在新疆项目上 好几天没打电话了 联系不上");

        Assert.Contains("安心热线", reply);
        Assert.DoesNotContain("您好！", reply);
    }

    [Theory]
    [InlineData("俺最近老是不开心", "心疼")]
    // A child missing a parent who works away reads to the message model like a need of the family's.
    [InlineData("我好想我妈 她在外地工地上一年才回来一次", "心疼")]
    [InlineData("我是初二学生 爸妈都不在家 晚上一个人害怕", "门窗锁好")]
    [InlineData("我在学校被同学欺负 爸妈都在外地打工 不敢跟老师说", "不是你的错")]
    public async Task Feelings_told_get_someone_to_talk_to_not_a_form(string message, string comfort)
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-feelings").SayAsync(message);

        Assert.Contains(comfort, reply);
        Assert.Contains("心理关爱热线", reply);
        Assert.DoesNotContain("登记", reply);
        Assert.DoesNotContain("请留一个", reply);
    }

    [Fact]
    public async Task A_need_told_after_a_word_of_comfort_is_taken_down_as_usual()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-comfort-then-need");
        await chat.SayAsync("一个人在家 好孤单");

        Assert.Contains("「家中维修」", await chat.SayAsync("家里暖气不热了"));
    }

    [Fact]
    public async Task A_feeling_told_after_an_offer_is_comforted_not_taken_as_a_yes()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-feeling-after-offer");
        Assert.Contains("需要帮您登记", await chat.SayAsync("俺闺女考上高中了 有补助不"));

        var reply = await chat.SayAsync("我想他了");

        Assert.Contains("心疼", reply);
        Assert.DoesNotContain("请留一个", reply);
    }

    [Fact]
    public async Task Offering_oneself_as_a_volunteer_is_answered_how_to_join_not_taken_down_as_needing_help()
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-join").SayAsync("俺想报名当星火志愿者 俺退休了身体还行");

        Assert.Contains("——《“星火365”志愿服务管理办法》", reply);
        Assert.DoesNotContain("请留一个", reply);
    }

    [Fact]
    public async Task A_need_that_ends_asking_who_pays_is_answered_first_then_offered()
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-who-pays").SayAsync("家里修水管 材料费谁出");

        Assert.Contains("200元", reply);
        Assert.Contains("需要帮您登记「家中维修」", reply);
        Assert.DoesNotContain("请留一个", reply);
    }

    [Theory]
    [InlineData("心理热线", "0531-8888 6120")]
    [InlineData("后勤电话", "0531-8888 6606")]
    public async Task A_name_and_a_number_word_gets_the_number_not_a_form(string message, string number)
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-number").SayAsync(message);

        Assert.Contains(number, reply);
        Assert.DoesNotContain("登记", reply);
    }

    [Fact]
    public async Task More_told_after_a_word_of_comfort_is_listened_to_and_a_person_offered_not_the_same_words()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-feelings-more");
        await chat.SayAsync("我好想我妈 她在外地工地上一年才回来一次");

        var reply = await chat.SayAsync("我不想上学了");

        Assert.Contains("我在听", reply);
        Assert.DoesNotContain("心理关爱热线", reply);
        Assert.DoesNotContain("请留一个", reply);
        Assert.Contains("「心理疏导」", await chat.SayAsync("要"));
    }

    [Theory]
    [InlineData("太感谢工会了 补助的钱已经收到了", "不客气")]
    [InlineData("俺家娃今天考了一百分 高兴", "真替您高兴")]
    public async Task Thanks_or_good_news_asking_nothing_gets_a_warm_word_not_a_clause_or_an_offer(string message, string reply)
    {
        await using var app = new HuaXinAppFactory();

        var answer = await new Chat(app.CreateClient(), "c-glad").SayAsync(message);

        Assert.StartsWith(reply, answer);
        Assert.DoesNotContain("需要帮您登记", answer);
        Assert.DoesNotContain("——《", answer);
    }

    [Theory]
    [InlineData("孩子发高烧39度", "请尽快去医院", "温水擦身子")]
    [InlineData("我家孩子被狗咬了", "请尽快去医院", "狂犬疫苗")]
    [InlineData("我割了手腕", "您的安全最要紧", "用力按住")]
    public async Task An_urgent_harm_short_of_an_ambulance_is_met_with_what_to_do_now(string message, string title, string step)
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-urgent").SayAsync(message);

        Assert.StartsWith(title, reply);
        Assert.Contains(step, reply);
        Assert.DoesNotContain("有政策问题或要办的事", reply);
    }

    [Fact]
    public async Task Someone_shocked_and_down_is_120_with_the_power_cut_first_not_a_fire_evacuation()
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-shock").SayAsync("俺爹修电线被电着了 倒地上不动了");

        Assert.StartsWith("请马上拨打120", reply);
        Assert.Contains("拉闸断电", reply);
        Assert.DoesNotContain("离开屋子", reply);
    }

    [Fact]
    public async Task A_burst_pipe_leads_with_the_main_valve_and_the_power()
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-pipe").SayAsync("水管爆了 屋里全淹了 水还在往外喷");

        Assert.Contains("水总阀", reply);
        Assert.Contains("拉闸断电", reply);
    }

    [Fact]
    public async Task A_seizing_child_is_given_the_seizure_steps_first_and_nothing_to_drink()
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-seizure").SayAsync("孩子发高烧抽风了 口吐白沫");

        Assert.StartsWith("请马上拨打120", reply);
        Assert.True(reply.IndexOf("不要喂水", StringComparison.Ordinal) < reply.IndexOf("温水擦身子", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_death_told_with_a_lament_is_met_with_sympathy_not_an_emergency_card()
    {
        await using var app = new HuaXinAppFactory();

        var reply = await new Chat(app.CreateClient(), "c-grief").SayAsync("俺男人在工地上出事没了 俺和孩子以后咋活啊");

        Assert.Contains("节哀", reply);
        Assert.DoesNotContain("110", reply);
        Assert.DoesNotContain("紧急求助", reply);
    }

    [Fact]
    public async Task Someone_who_collapsed_is_told_to_call_120_at_once()
    {
        await using var app = new HuaXinAppFactory();
        var reply = await new Chat(app.CreateClient(), "c-120").SayAsync("俺爹突然晕倒了叫不醒咋办");
        Assert.StartsWith("请马上拨打120", reply);
        Assert.DoesNotContain("没有找到", reply);
    }

    [Fact]
    public async Task A_fire_typed_with_the_wrong_homophone_is_told_to_call_119_at_once()
    {
        await using var app = new HuaXinAppFactory();
        var reply = await new Chat(app.CreateClient(), "c-119").SayAsync("着伙了！俺家灶屋着伙了快来人");
        Assert.StartsWith("请马上拨打119", reply);
        Assert.DoesNotContain("没有找到", reply);
    }

    [Fact]
    public async Task Self_harm_gets_the_crisis_line_and_an_urgent_counselling_ticket_with_the_policys_first_contact()
    {
        await using var app = new HuaXinAppFactory();
        var reply = await new Chat(app.CreateClient(), "c-crisis").SayAsync("这日子没法过了 我不想活了");
        // The crisis line is the knowledge base's own (心理关爱热线 in counselling-legal.md).
        Assert.Contains("0531-8888 6120", reply);
        await using var scope = app.Services.CreateAsyncScope();
        var ticket = await scope.ServiceProvider.GetRequiredService<HuaXinDbContext>().ServiceRequests.SingleAsync();
        Assert.Equal(("counselling", "党委工作部", true), (ticket.Category, ticket.Department, ticket.Urgent));
        Assert.Equal(TimeSpan.FromHours(2), ticket.FirstContactDue - ticket.CreatedAt);
        Assert.Contains(ticket.Number, reply);
    }

    [NodeFact]
    public async Task Through_the_official_Direct_Line_client_the_same_dialogs_hold()
    {
        Assert.True(NodeTools.Missing() is null, NodeTools.Missing());
        await using var app = new HuaXinAppFactory();
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var (exitCode, output) = await NodeTools.RunAsync("directline/conversation.js", baseUrl, Request, "就这些，没有别的了", "确认");
        Assert.True(exitCode == 0, output);
        Assert.True(Number().IsMatch(output), output);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<HuaXinDbContext>().ServiceRequests.CountAsync());
        }

        (exitCode, output) = await NodeTools.RunAsync("directline/conversation.js", baseUrl, "俺家娃考上大学了有补贴没", "俺爹突然晕倒了叫不醒咋办");
        Assert.True(exitCode == 0, output);
        Assert.Contains("《职工子女助学办法》", output);
        Assert.Contains("请马上拨打120", output);
    }

    [GeneratedRegex(@"HX-\d{8}-\d{4}")]
    private static partial Regex Number();
}
