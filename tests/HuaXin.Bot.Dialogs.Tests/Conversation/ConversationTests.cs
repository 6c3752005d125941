using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

public sealed class ConversationTests
{
    private readonly BotHarness _bot = new();

    private DialogScript Script(string conversation = "c1") => new(_bot, conversation);

    [Theory]
    [InlineData("你好")]
    [InlineData("在吗")]
    [InlineData("吃了吗")] // a greeting, not a question
    [InlineData("帮助")]
    public async Task Greeting_shows_what_the_bot_can_do(string greeting)
    {
        var script = Script().User(greeting, "解答政策", "登记求助", "我的诉求");
        await script.RunAsync();

        var welcome = Assert.Single(script.LastReplies);
        Assert.Equal("welcome", welcome.Card!.Kind);
        Assert.Contains("我的诉求", welcome.SuggestedReplies!);
    }

    [Theory]
    [InlineData("俺要撤销诉求")]
    [InlineData("撤销诉求")]
    public async Task Asking_to_withdraw_a_request_when_there_is_none_is_told_so_not_taken_down(string withdraw)
    {
        await Script().User(withdraw, "没有正在办理的诉求").NoIntake().RunAsync();
        Assert.Empty(_bot.Requests.Created);
    }

    [Fact]
    public async Task Policy_question_gets_an_answer_card_with_citations_and_feedback_buttons()
    {
        var script = Script().User("困难职工帮扶有啥条件？", "困难职工帮扶救助管理办法");
        await script.RunAsync();

        var card = script.LastReplies[0].Card!;
        Assert.Equal("answer", card.Kind);
        Assert.Equal("查看原文", card.Details!.Title);
        Assert.StartsWith("《困难职工帮扶救助管理办法》第二章 第五条", card.Details.Text);
        // A question about a service is offered intake, which only a yes starts.
        Assert.Contains("需要帮您登记「", script.LastReplies[^1].Text);
        Assert.Equal(["有用", "没用"], card.Buttons.Select(b => b.Text));
        Assert.All(card.Buttons, b => Assert.Equal(b.Text, b.Data["action"]));
    }

    [Fact]
    public async Task Feedback_on_the_last_answer_is_recorded_once()
    {
        await Script()
            .User("困难职工帮扶有啥条件？", "有用")
            .Press("有用", "谢谢")
            .User("有用", "收到")
            .RunAsync();

        var feedback = Assert.Single(_bot.Feedback.Items);
        Assert.Equal(("困难职工帮扶有啥条件?", true, "api", "user-c1"), (feedback.Question, feedback.Helpful, feedback.Channel, feedback.UserId));
        Assert.Equal(["doc-hardship"], feedback.CitedDocIds);
    }

    [Fact]
    public async Task Unanswered_question_is_recorded_and_hands_off_to_the_hotline()
    {
        await Script()
            .User("丧葬补助有没有 怎么申请", "知识库里没有", "转人工", TestData.Taxonomy.Hotline)
            .Press("转人工", "服务热线", TestData.Taxonomy.Hotline)
            .RunAsync();

        var recorded = Assert.Single(_bot.Feedback.Items);
        Assert.False(recorded.Helpful);
        Assert.Empty(recorded.CitedDocIds);
    }

    [Theory]
    [InlineData("要准备啥")]
    [InlineData("找谁")]
    public async Task A_short_question_right_after_an_answer_is_asked_of_the_knowledge_not_answered_with_small_talk(string followUp)
    {
        await Script()
            .User("困难职工帮扶有啥条件?", "第五条")
            .User(followUp)
            .ReplyLacks("您好")
            .RunAsync();
        Assert.Equal(2, _bot.Knowledge.Calls);
    }

    [Fact]
    public async Task My_requests_lists_what_the_user_submitted()
    {
        await Script()
            .User("我的诉求", "还没有提交过")
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .User("确认", "HX0001")
            .Press("我的诉求", "共1件", "HX0001", "家庭照料", "车间工会")
            .RunAsync();
    }

    [Theory]
    [InlineData("俺刚才那个办得咋样了")]
    [InlineData("修水管的事处理得怎么样了")]
    [InlineData("俺的事咋样了")]
    [InlineData("有回信没")]
    [InlineData("还要等多久")]
    [InlineData("啥时候来人")]
    [InlineData("我提交的诉求")]
    [InlineData("到底有没有人管")]
    public async Task Asking_how_the_request_is_going_lists_it_with_when_they_will_call(string asked)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User(asked, "共1件", "HX0001", "前联系您")
            .RunAsync();
    }

    [Theory]
    [InlineData("咋还没人联系俺")]
    [InlineData("都两天了还没人打电话")]
    public async Task Waiting_too_long_hurries_the_request(string waiting)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User(waiting, "HX0001", "尽快联系您")
            .RunAsync();
        Assert.Contains(_bot.Tickets.Supplements, s => s.Text.StartsWith("申请人催办", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_questions_in_one_message_each_get_their_answer()
    {
        await Script()
            .User("困难补助有啥条件？住院能报销多少？", "困难职工帮扶救助管理办法", "「住院能报销多少」", "职工医疗互助办法")
            .RunAsync();
        Assert.Equal("住院能报销多少", _bot.Knowledge.Questions[^1]);
    }

    [Fact]
    public async Task A_second_question_answered_by_the_same_clause_is_not_said_twice()
    {
        await Script()
            .User("困难补助有啥条件？帮扶要啥材料？", "困难职工帮扶救助管理办法")
            .ReplyLacks("「帮扶要啥材料」")
            .RunAsync();
    }

    [Fact]
    public async Task Pressing_a_button_is_the_same_as_typing_its_text()
    {
        const string request = "俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266";
        var typed = Script("typed").User(request).User("修改");
        var pressed = Script("pressed").User(request).Press("修改");
        await typed.RunAsync();
        await pressed.RunAsync();

        Assert.Equal(typed.LastReplies.Select(r => r.Text), pressed.LastReplies.Select(r => r.Text));
        var (typedState, pressedState) = (await _bot.StateAsync("typed"), await _bot.StateAsync("pressed"));
        pressedState.Intake!.DraftId = typedState.Intake!.DraftId; // every request draft has its own id
        Assert.Equal(typedState.ToJson(), pressedState.ToJson());
    }

    [Theory]
    [InlineData("", "没有收到文字")]
    [InlineData("   ", "没有收到文字")]
    [InlineData("\u0001\u0002\u0007", "没有收到文字")]
    [InlineData(null, "没有收到文字")]
    public async Task Junk_input_gets_a_short_reply_and_changes_no_state(string? junk, string reply)
    {
        await Script().User(junk!, reply).RunAsync();

        Assert.Equal(0, _bot.States.Saves);
    }

    [Fact]
    public async Task Oversized_input_is_refused_without_touching_state()
    {
        await Script()
            .User("你好")
            .User(new string('帮', 2001), "太长")
            .RunAsync();

        Assert.Equal(1, _bot.States.Saves);
    }

    [Fact]
    public async Task A_request_in_progress_survives_a_restart()
    {
        await Script().User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市").RunAsync();

        _bot.Restart();

        await Script()
            .User("济南", "希望什么时候")
            .User("跳过", "请核对", "13805312266", "母亲", "济南")
            .RunAsync();
    }

    [Fact]
    public async Task A_lost_save_race_replays_the_turn_on_the_new_state()
    {
        _bot.States.ConflictsToSimulate = 1;

        await Script()
            .User("你好", "解答政策")
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .Pending("city")
            .RunAsync();
    }

    [Fact]
    public async Task Concurrent_turns_of_one_conversation_run_one_at_a_time()
    {
        _bot.Knowledge.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _bot.SendAsync("c1", "困难职工帮扶有啥条件？");
        await _bot.Knowledge.Entered.Task;
        var second = _bot.SendAsync("c1", "住院押金能报销吗？");

        Assert.False(second.IsCompleted);
        Assert.Equal(1, _bot.Knowledge.Calls);

        _bot.Knowledge.Gate.SetResult();
        await Task.WhenAll(first, second);

        Assert.Equal(2, _bot.Knowledge.Calls);
        Assert.Equal(1, _bot.Knowledge.MaxConcurrent);
        Assert.Equal(2, _bot.States.Saves);
        Assert.Equal("住院押金能报销吗?", (await _bot.StateAsync("c1")).LastAnswer!.Question);
        Assert.Equal(0, _bot.Runner.ActiveConversations);
    }

    [Fact]
    public async Task Thanks_and_stray_commands_get_a_polite_reply()
    {
        await Script()
            .User("谢谢你啊", "不客气")
            .User("确认", "没有要确认或修改")
            .User("对，提交吧", "没有要确认或修改")
            .User("就这样吧", "还有别的事随时告诉我")
            .NoIntake()
            .RunAsync();
    }

    [Theory]
    [InlineData("好的")]
    [InlineData("不用了")]
    [InlineData("行")]
    [InlineData("对了")]
    public async Task An_acknowledgement_after_a_submitted_request_is_not_told_there_is_no_request(string acknowledgement)
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .User("确认", "HX0001")
            .User(acknowledgement, "好的")
            .ReplyLacks("没有")
            .NoIntake()
            .RunAsync();
        Assert.Empty(_bot.Tickets.Supplements);
    }
}
