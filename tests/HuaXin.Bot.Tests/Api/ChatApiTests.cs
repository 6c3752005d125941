using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HuaXin.Bot.Data;
using HuaXin.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HuaXin.Bot.Tests.Api;

public sealed class ChatApiTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_full_intake_with_a_correction_and_an_interruption_creates_a_request_with_history(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        await using var app = new HuaXinAppFactory(database);
        var chat = new Chat(app.CreateClient(), "c-full");

        Assert.Contains("哪个城市", await chat.SayAsync("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266"));
        Assert.Contains("13912345678", await chat.SayAsync("电话写错了，是139 1234 5678"));
        var interrupted = await chat.SayAsync("医疗互助住院能报多少");
        Assert.Contains("《职工医疗互助管理办法》", interrupted);
        Assert.Contains("哪个城市", interrupted); // the form resumes where it was
        await chat.SayAsync("济南章丘");
        var summary = await chat.SayAsync("跳过");
        Assert.Contains("请核对", summary);
        Assert.Contains("13912345678", summary);
        var done = await chat.SayAsync("确认");

        var number = System.Text.RegularExpressions.Regex.Match(done, @"HX-\d{8}-\d{4}").Value;
        Assert.NotEmpty(number);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuaXinDbContext>();
        var request = await db.ServiceRequests.Include(r => r.History).SingleAsync();
        Assert.Equal(number, request.Number);
        Assert.Equal("family_care", request.Category);
        Assert.Equal("车间工会", request.Department);
        Assert.Equal("待受理", request.Status);
        Assert.Contains("\"13912345678\"", request.SlotsJson);
        Assert.Contains("章丘", request.SlotsJson);
        Assert.Equal("提交", Assert.Single(request.History).Action);
    }

    [Fact]
    public async Task A_requester_who_asks_in_words_to_withdraw_is_offered_the_open_request_and_the_button_withdraws_it()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-withdraw");
        await chat.SayAsync("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266");
        var number = System.Text.RegularExpressions.Regex.Match(await chat.SayAsync("确认"), @"HX-\d{8}-\d{4}").Value;
        Assert.NotEmpty(number);

        var offer = await chat.SayAsync("不用了 俺娘说她自己去 把刚才那个撤了吧");
        Assert.Contains($"撤回 {number}", offer);

        // A no keeps it; each way of asking again offers it again.
        Assert.Contains("继续办理", await chat.SayAsync("不撤了"));
        Assert.Contains($"撤回 {number}", await chat.SayAsync("不用来了"));
        Assert.Contains("继续办理", await chat.SayAsync("算了"));
        Assert.Contains($"撤回 {number}", await chat.SayAsync("那个看俺娘的不用了 俺哥回去了"));
        Assert.Contains("继续办理", await chat.SayAsync("算了"));
        Assert.Contains($"撤回 {number}", await chat.SayAsync("取消取消 俺弄错了"));
        Assert.Contains("已撤回", await chat.SayAsync($"撤回 {number}"));
        Assert.Contains("不用撤回", await chat.SayAsync("把那个诉求取消了"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuaXinDbContext>();
        Assert.Equal("已撤回", (await db.ServiceRequests.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_yes_in_words_to_the_offered_withdrawal_withdraws_the_request()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-withdraw-words");
        await chat.SayAsync("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话138 0531 2266");
        var number = System.Text.RegularExpressions.Regex.Match(await chat.SayAsync("确认"), @"HX-\d{8}-\d{4}").Value;
        Assert.Contains($"撤回 {number}", await chat.SayAsync("不用了 俺自己找人修好了"));

        Assert.Contains("已撤回", await chat.SayAsync("嗯 撤了吧"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuaXinDbContext>();
        Assert.Equal("已撤回", (await db.ServiceRequests.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_requester_who_hurries_has_it_passed_to_the_department_of_the_open_request()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-hurry");
        await chat.SayAsync("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266");
        var number = System.Text.RegularExpressions.Regex.Match(await chat.SayAsync("确认"), @"HX-\d{8}-\d{4}").Value;

        var reply = await chat.SayAsync("催一下 都一天了没人来");

        Assert.Contains(number, reply);
        Assert.Contains("车间工会", reply);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HuaXinDbContext>();
        var request = await db.ServiceRequests.Include(r => r.History).SingleAsync();
        Assert.Contains(request.History, h => h.Action == "补充" && h.Note!.Contains("催办"));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_dialog_resumes_it()
    {
        using var database = new TestDatabase();
        await using (var before = new HuaXinAppFactory(database))
        {
            var chat = new Chat(before.CreateClient(), "c-restart");
            Assert.Contains("地址", await chat.SayAsync("家里水管爆了 能派人来修吗 电话13805312266"));
        }

        await using var after = new HuaXinAppFactory(database);
        var resumed = new Chat(after.CreateClient(), "c-restart");
        var reply = await resumed.SayAsync("济南历城区华新小区3号楼");
        Assert.DoesNotContain("您好", reply);
        for (var i = 0; i < 4 && !reply.Contains("请核对"); i++)
        {
            reply = await resumed.SayAsync("跳过");
        }
        Assert.Contains("请核对", reply);
        Assert.Contains("HX-", await resumed.SayAsync("确认"));
    }

    [Fact]
    public async Task A_conversation_id_holding_nul_keeps_its_dialog()
    {
        // PostgreSQL refuses NUL in text, where SQLite stored it; the dialog state must still be found again.
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-\0-nul");

        Assert.Contains("地址", await chat.SayAsync("家里水管爆了 能派人来修吗 电话13805312266"));
        Assert.DoesNotContain("您好", await chat.SayAsync("济南历城区华新小区3号楼"));
    }

    [Fact]
    public async Task Pressing_a_button_is_the_same_as_typing_its_text()
    {
        await using var app = new HuaXinAppFactory();
        var client = app.CreateClient();
        var chat = new Chat(client, "c-button");
        await chat.SayAsync("我爸在家摔倒了 赶紧找人去看看 济南平阴 13805312266");
        var summary = "";
        for (var i = 0; i < 4 && !summary.Contains("请核对"); i++)
        {
            summary = await chat.SayAsync("跳过");
        }

        var response = await client.PostAsJsonAsync("/api/chat", new { conversationId = "c-button", userId = "u1", value = new { action = "确认" } });

        Assert.Contains("HX-", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_short_trouble_told_is_offered_its_service_though_a_clause_of_another_department_ranks_first()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-toilet");

        Assert.Contains("需要帮您登记「家中维修」吗", await chat.SayAsync("马桶堵了"));
    }

    [Fact]
    public async Task A_question_typed_in_pinyin_is_answered_and_other_latin_words_are_asked_again_in_characters()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-pinyin");

        Assert.Contains("《职工医疗互助管理办法》", await chat.SayAsync("yiliao huzhu zenme baoxiao"));
        Assert.Contains("没能看懂", await chat.SayAsync("call me back"));
    }

    [Fact]
    public async Task A_request_for_something_no_service_does_is_asked_which_service_not_filed_under_the_nearest_document()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-essay");

        var reply = await chat.SayAsync("帮俺孙子写篇作文 题目是我的爸爸");

        Assert.Contains("请问是哪方面的事", reply);
        Assert.DoesNotContain("我来帮您登记「", reply);
    }

    [Theory]
    [InlineData("{\"userId\":\"u1\",\"text\":\"你好\"}", "invalid_ids")]
    [InlineData("{\"conversationId\":\"c\",\"userId\":\"u1\"}", "empty_turn")]
    [InlineData("{\"conversationId\":", "invalid_json")]
    [InlineData("{\"conversationId\":\"c\",\"userId\":\"\\u0000\",\"text\":\"你好\"}", "invalid_ids")]
    [InlineData("{\"conversationId\":\"c\",\"userId\":\"u1\",\"value\":{\"action\":\"\\uDCA5\"}}", "invalid_value")]
    public async Task Bad_input_gets_a_400_and_changes_nothing(string json, string code)
    {
        await using var app = new HuaXinAppFactory();

        var response = await app.CreateClient().PostAsync("/api/chat", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HuaXinDbContext>().ConversationStates.CountAsync());
    }

    [Fact]
    public async Task With_api_keys_configured_a_missing_or_wrong_key_is_refused()
    {
        await using var app = new HuaXinAppFactory(settings: new Dictionary<string, string?> { ["Api:Keys:0"] = "k-123" });
        var client = app.CreateClient();
        var body = new { conversationId = "c", userId = "u", text = "你好" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/chat", body)).StatusCode);
        client.DefaultRequestHeaders.Add("X-Api-Key", "k-wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/chat", body)).StatusCode);
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Add("X-Api-Key", "k-123");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/chat", body)).StatusCode);
    }

    [Fact]
    public async Task A_chain_of_follow_ups_is_read_with_the_question_that_set_the_topic_not_with_the_follow_up_before()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-follow-up-chain");
        await chat.SayAsync("家属去项目部探亲能住哪");
        Assert.Contains("——《后勤保障服务规范》", await chat.SayAsync("住几天"));

        // "住几天 要钱不" alone would find the medical mutual-aid fund's money clause.
        Assert.Contains("——《后勤保障服务规范》", await chat.SayAsync("要钱不"));
    }

    [Fact]
    public async Task Follow_ups_that_name_no_topic_are_answered_from_the_last_answers_document_and_a_new_topic_starts_fresh()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-follow-up");
        Assert.Contains("——《困难职工帮扶救助管理办法》", await chat.SayAsync("困难职工帮扶救助的条件是什么"));

        var materials = await chat.SayAsync("那需要准备什么材料");
        var timeLimit = await chat.SayAsync("多久能批下来");
        var who = await chat.SayAsync("找谁办");

        foreach (var reply in new[] { materials, timeLimit, who })
        {
            Assert.Contains("——《困难职工帮扶救助管理办法》", reply);
        }
        Assert.Contains("按《困难职工帮扶救助管理办法》回答", materials);
        Assert.Contains("材料", materials);
        Assert.Matches("[0-9一二三四五六七八九十]+个?(工作日|日|天)", timeLimit);
        Assert.Matches("工会", who);
        var fresh = await chat.SayAsync("金秋助学金发多少钱");
        Assert.DoesNotContain("按《困难职工帮扶救助管理办法》", fresh);
        Assert.DoesNotContain("——《困难职工帮扶救助管理办法》", fresh);
    }

    // "住哪" shares no two characters with the document: it is read in it character by character, not asked back.
    [Fact]
    public async Task A_follow_up_sharing_no_word_with_the_document_is_still_read_in_it()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-characters");
        Assert.Contains("——《后勤保障服务规范》", await chat.SayAsync("家属来队咋安排"));

        var reply = await chat.SayAsync("住哪");

        Assert.DoesNotContain("哪方面", reply);
        Assert.Contains("按《后勤保障服务规范》回答", reply);
    }

    // 单子 is no word of the documents, but here it only names what is asked for, not a new subject.
    [Fact]
    public async Task A_follow_up_naming_the_papers_in_its_own_word_stays_on_the_last_answers_document()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-own-word");
        Assert.Contains("——《困难职工帮扶救助管理办法》", await chat.SayAsync("困难职工帮扶救助的条件是什么"));

        var papers = await chat.SayAsync("要交哪些单子");

        Assert.DoesNotContain("没有关于", papers);
        Assert.Contains("——《困难职工帮扶救助管理办法》第十条", papers);
    }

    [Fact]
    public async Task A_bare_follow_up_that_shares_no_word_with_the_document_is_answered_by_the_kind_it_asks_for()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-bare-follow-up");
        Assert.Contains("——《职工子女助学办法》", await chat.SayAsync("金秋助学金怎么申请"));

        var materials = await chat.SayAsync("要准备啥");

        Assert.Contains("按《职工子女助学办法》回答", materials);
        Assert.Contains("复印件", materials);
        Assert.DoesNotContain("没有关于", materials);
    }

    [Fact]
    public async Task A_follow_up_about_family_the_lexicon_rewrites_is_read_in_the_last_answers_document()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-family-follow-up");
        Assert.Contains("——《职工探亲休假管理规定》", await chat.SayAsync("探亲假有几天"));

        // "俺男人" is rewritten to 丈夫 before the search; the word 男人 itself is a synonym of the 配偶 the rules use.
        var reply = await chat.SayAsync("那要是俺男人在新疆呢");

        Assert.DoesNotContain("没有关于「男人」", reply);
        Assert.Contains("——《职工探亲休假管理规定》", reply);
    }

    [Theory]
    [InlineData("过年家里杀猪 俺男人能回来不")]
    [InlineData("俺男人在新疆干活 俺是他媳妇 他一年能回来几趟")]
    public async Task Asking_whether_or_how_often_the_Shandong_way_is_answered_not_registered(string question)
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-whether");

        var reply = await chat.SayAsync(question);

        Assert.Contains("——《", reply);
        Assert.DoesNotContain("我来帮您登记", reply);
    }

    [Fact]
    public async Task A_topic_no_document_covers_asked_after_an_answer_is_declined_not_read_in_that_answers_document()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-new-subject");
        Assert.Contains("——《", await chat.SayAsync("俺爹住院了 医疗互助咋报"));

        var reply = await chat.SayAsync("公司给交公积金吗");

        Assert.Contains("公积金", reply);
        Assert.DoesNotContain("按《", reply);
        Assert.DoesNotContain("——《", reply);
    }

    [Fact]
    public async Task A_question_naming_another_documents_title_after_an_answer_is_not_read_in_that_answers_document()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-other-title");
        Assert.Contains("——《职工探亲休假管理规定》", await chat.SayAsync("探亲假一年能休几天"));

        var reply = await chat.SayAsync("困难帮扶咋申请");

        Assert.DoesNotContain("按《职工探亲休假管理规定》回答", reply);
        Assert.DoesNotContain("——《职工探亲休假管理规定》", reply);
    }

    [Fact]
    public async Task A_follow_up_asking_only_for_the_papers_gets_the_list_of_papers_not_a_clause_that_says_the_word()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-bare-kind");
        Assert.Contains("——《职工子女助学办法》", await chat.SayAsync("金秋助学金怎么申请"));

        var materials = await chat.SayAsync("要啥材料啊");

        Assert.Contains("——《职工子女助学办法》第十三条", materials);
        Assert.Contains("复印件", materials);
    }

    [Fact]
    public async Task An_answer_that_leans_on_another_article_carries_what_that_article_says()
    {
        await using var app = new HuaXinAppFactory();
        var chat = new Chat(app.CreateClient(), "c-reference");

        var reply = await chat.SayAsync("儿子考进双一流学校，工会还多给奖学金吗");

        Assert.Contains("在第四条标准基础上", reply);
        Assert.Contains("\n第四条：职工子女当年考入全日制普通高等学校的，一次性发放金秋助学金：", reply);
        Assert.Contains("普通本科，3000元", reply);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(reply, "第四条："));
        Assert.Contains("——《职工子女助学办法》第七条", reply);
    }
}
