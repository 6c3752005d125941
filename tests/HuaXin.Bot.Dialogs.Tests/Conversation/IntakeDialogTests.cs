using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

public sealed class IntakeDialogTests
{
    private readonly BotHarness _bot = new();

    private DialogScript Script(string conversation = "c1") => new(_bot, conversation);

    [Fact]
    public async Task A_second_request_shows_the_number_given_before_instead_of_asking()
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .User("确认", "诉求已提交")
            .User("家里水管漏了 想找人来修 在济南章丘双山街道xx村5号 明天上午", "家中维修")
            .ReplyLacks("请留一个能联系到您的电话")
            .Slot("phone", "13805312266")
            .RunAsync();
    }

    [Theory]
    [InlineData("电话改成13912345678，时间改成后天上午")]
    [InlineData("把电话改成13912345678 时间改成后天上午")]
    [InlineData("时间改成后天上午 还有电话改成13912345678")]
    [InlineData("不对 时间是后天上午 电话是13912345678")]
    public async Task Two_fields_changed_in_one_message_both_change(string edit)
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .User(edit, "13912345678", "后天上午")
            .Slot("phone", "13912345678")
            .Slot("when", "后天上午")
            .RunAsync();
    }

    [Fact]
    public async Task A_corrected_need_starts_the_right_request_and_keeps_the_number()
    {
        await Script()
            .User("家里水管漏了 想找人来修 电话13805312266", "家中维修")
            .User("不对 不是修水管 是俺娘病了 想找人陪她去医院看看", "不登记「家中维修」", "我来帮您登记「")
            .Check(state => Assert.NotEqual("home_repair", state.Intake?.Category))
            .Slot("phone", "13805312266")
            .Slot("relation", "母亲")
            .RunAsync();
    }

    [Theory]
    [InlineData("不是我妈是我爸")]
    [InlineData("地址写错了 是东山村18号")]
    [InlineData("不对电话错了是13562381243")]
    public async Task A_corrected_field_stays_in_the_same_request(string edit)
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "家庭照料", "请核对")
            .User(edit)
            .ReplyLacks("不登记")
            .RunAsync();
    }

    [Fact]
    public async Task A_corrected_number_in_the_middle_of_a_request_corrects_the_number()
    {
        await Script()
            .User("家里的马通堵了，想找个人来修一下")
            .User("俺住在泰安市肥城市王瓜店镇")
            .User("电话是13562381234")
            .User("不对电话错了是13562381243")
            .ReplyLacks("不登记")
            .Check(state => Assert.Equal("home_repair", state.Intake?.Category))
            .Slot("phone", "13562381243")
            .RunAsync();
    }

    [Fact]
    public async Task A_change_of_mind_after_suan_le_changes_the_answer_and_keeps_the_request()
    {
        await Script()
            .User("俺儿在新疆干活，俺一个人在家，腿脚不好，想找人来照看照看")
            .User("俺住在济南长清区孝里镇")
            .User("俺叫王秀英，电话13805318888")
            .User("一个礼拜来两回就行")
            .User("算了还是一个礼拜来三回吧", "一个礼拜来三回")
            .ReplyLacks("已取消")
            .Slot("when", "一个礼拜来三回")
            .RunAsync();
    }

    [Theory]
    [InlineData("想给俺娘找个人照看 再一个家里水管子坏了")]
    [InlineData("俺家电视坏了，还有俺娘要人陪着去医院拿药")]
    public async Task A_second_need_in_the_same_message_waits_its_turn(string text)
    {
        await Script()
            .User(text, "这件登记完接着办")
            .RunAsync();
    }

    [Fact]
    public async Task A_second_need_said_in_the_middle_of_a_request_waits_its_turn()
    {
        await Script()
            .User("家里水管漏了 想找人来修")
            .User("还有 俺娘一个人在家没人照看", "这件登记完接着办")
            .Check(state => Assert.Equal("home_repair", state.Intake?.Category))
            .Check(state => Assert.NotNull(state.Intake?.Next))
            .RunAsync();
    }

    [Fact]
    public async Task More_of_the_same_trouble_in_the_middle_of_a_request_joins_its_description()
    {
        await Script()
            .User("家里水管漏了 想找人来修")
            .User("还有 房顶漏雨也得修", "这个情况也记下了")
            .Check(state => Assert.Contains("房顶漏雨也得修", state.Intake!.Slots["description"]))
            .RunAsync();
    }

    [Fact]
    public async Task An_urgent_request_is_met_with_calm_and_priority()
    {
        await Script()
            .User("俺男人在工地上出事了 人在医院抢救呢 俺啥也不知道 快帮帮俺", "别着急", "优先")
            .RunAsync();
    }

    [Fact]
    public async Task More_trouble_said_at_the_summary_joins_it_and_the_summary_shows_again()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("还有 俺家的电线也老跳闸 也想找人看看", "这个情况也记下了", "请核对")
            .Check(state => Assert.Contains("电线也老跳闸", state.Intake!.Slots["description"]))
            .RunAsync();
    }

    [Fact]
    public async Task More_of_the_same_trouble_is_no_second_need()
    {
        await Script()
            .User("俺娘发烧了 还有点咳嗽 想找人陪着去看看")
            .ReplyLacks("接着办")
            .RunAsync();
    }

    [Theory]
    [InlineData("算了还是不用了 俺自己照顾")]
    [InlineData("算了还是等俺儿子回来再说吧")]
    public async Task Suan_le_hai_shi_putting_it_off_cancels(string text)
    {
        await Script()
            .User("家里老人需要人照看")
            .User("13805318899")
            .User(text, "已取消")
            .NoIntake()
            .RunAsync();
    }

    [Fact]
    public async Task A_rating_before_the_request_is_done_is_not_taken()
    {
        await Script()
            .User("五星好评", "还没有要评价的诉求")
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .User("确认", "诉求已提交")
            .User("非常满意", "办结后", "打分")
            .User("评价", "办结后")
            .ReplyLacks("转告")
            .RunAsync();
        Assert.Empty(_bot.Tickets.Ratings);
    }

    [Fact]
    public async Task Full_request_in_one_message_goes_straight_to_the_summary_and_is_saved_on_confirm()
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "家庭照料", "车间工会", "请核对", "13805312266", "母亲", "济南章丘", "明天上午")
            .Pending(IntakeSteps.Confirm)
            .User("确认", "诉求已提交", "HX0001", "12小时内首次联系", "3天内办结")
            .NoIntake()
            .RunAsync();

        var created = Assert.Single(_bot.Requests.Created);
        Assert.Equal(("family_care", "车间工会", false, TimeSpan.FromHours(12)), (created.Category, created.Department, created.Urgent, created.FirstContactWithin));
        Assert.Equal("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", created.OriginalText);
    }

    [Fact]
    public async Task A_time_told_more_precisely_later_replaces_the_day_and_leaves_the_description_as_said()
    {
        await Script()
            .User("俺娘明天要去县医院看病 俺在外地回不去 能找人陪着去不", "电话")
            .User("明天早上八点", "时间：明天早上八点")
            .Slot("when", "明天早上八点")
            .Slot("description", "俺娘明天要去县医院看病 俺在外地回不去 能找人陪着去不")
            .RunAsync();
    }

    [Fact]
    public async Task A_complaint_taken_down_opens_with_an_apology()
    {
        await Script()
            .User("俺要投诉 上个月报修的到现在没人来 你们这啥服务", "实在抱歉", "意见建议/投诉")
            .ReplyLacks("抱歉。好的")
            .RunAsync();
    }

    [Fact]
    public async Task The_time_said_carries_the_date_it_was_read_as_on_the_summary_and_the_ticket()
    {
        var tomorrow = _bot.Clock.GetLocalNow().AddDays(1);
        var date = $"{tomorrow.Month}月{tomorrow.Day}日";
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对", $"明天上午（{date}")
            .User("确认", "诉求已提交")
            .RunAsync();

        Assert.StartsWith($"明天上午（{date} 周", Assert.Single(_bot.Requests.Created).Slots["when"]);
    }

    [Fact]
    public async Task A_confirmation_replayed_after_a_lost_state_save_creates_one_request()
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .Pending(IntakeSteps.Confirm)
            .RunAsync();

        // Another writer wins the save after the request is created; the runner replays 确认 on the stored state,
        // where the intake is still waiting for confirmation.
        _bot.States.ConflictsToSimulate = 1;
        var replies = await _bot.SendAsync("c1", "确认");

        var created = Assert.Single(_bot.Requests.Created);
        Assert.NotNull(created.RequestKey);
        Assert.Contains("HX0001", string.Join("\n", replies.Select(r => r.Text)));
    }

    [Fact]
    public async Task Missing_required_slot_is_asked_then_optional_one_can_be_skipped_and_urgent_limit_applies()
    {
        await Script()
            .User("我妈住院了家里没人照顾，急，能不能找人去看看 电话138 0531 2266", "家庭照料", "哪个城市", "例如")
            .Pending("city")
            .User("济南章丘", "希望什么时候", "跳过")
            .Slot("city", "济南章丘")
            .User("跳过", "请核对", "紧急")
            .Pending(IntakeSteps.Confirm)
            .Press("确认", "2小时内首次联系")
            .RunAsync();

        var created = Assert.Single(_bot.Requests.Created);
        Assert.True(created.Urgent);
        Assert.Equal(TimeSpan.FromHours(2), created.FirstContactWithin);
    }

    [Fact]
    public async Task Corrections_are_accepted_at_any_time()
    {
        await Script()
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .User("不是我妈是我爸", "已改好", "父亲", "哪个城市")
            .Slot("relation", "父亲")
            .User("临沂沂水", "希望什么时候")
            .User("跳过", "请核对")
            .User("电话写错了，是139 0531 1234", "已改好", "13905311234", "请核对")
            .Slot("phone", "13905311234")
            .Pending(IntakeSteps.Confirm)
            .RunAsync();
    }

    [Theory]
    [InlineData("是俺爹 不是俺娘", "父亲")]
    [InlineData("不对 俺说错了 是俺爹 不是俺娘", "父亲")]
    [InlineData("俺娘 不对 俺爹", "父亲")]
    [InlineData("还有 不是俺娘 是俺爹", "父亲")]
    public async Task A_correction_keeps_the_value_said_right_wherever_the_wrong_one_stands(string correction, string relation)
    {
        await Script()
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .User(correction, "已改好", relation, "哪个城市")
            .Slot("relation", relation)
            .RunAsync();
    }

    [Fact]
    public async Task A_time_corrected_in_the_same_breath_is_the_later_one()
    {
        await Script()
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .User("临沂沂水", "希望什么时候")
            .User("下周二 不对 下周三", "下周三", "请核对")
            .Slot("when", "下周三")
            .RunAsync();
    }

    [Fact]
    public async Task More_about_the_trouble_said_when_asked_for_the_phone_is_kept_and_the_phone_asked_again()
    {
        await Script()
            .User("家里水管漏了 想找人来修", "电话")
            .User("厨房的灯也不亮了", "也记下了", "电话")
            .ReplyLacks("最好能告诉我们")
            .Slot("description", "家里水管漏了 想找人来修；厨房的灯也不亮了")
            .User("中 那就登记吧", "电话")
            .ReplyLacks("最好能告诉我们")
            .User("13805312266", "地址")
            .RunAsync();
    }

    [Theory]
    [InlineData("要钱不")]
    [InlineData("那得交啥")]
    [InlineData("交给谁")]
    public async Task A_short_question_asked_for_the_phone_is_answered_not_kept_as_the_situation(string question)
    {
        await Script()
            .User("家里水管漏了 想找人来修", "电话")
            .User(question, "接着办", "电话")
            .ReplyLacks("也记下了")
            .Slot("description", "家里水管漏了 想找人来修")
            .RunAsync();
        // Read with the service being registered: 要钱不 asks whether the repair costs money.
        Assert.StartsWith("家中维修", _bot.Knowledge.Questions[^1]);
    }

    [Fact]
    public async Task A_second_need_in_the_same_message_is_taken_down_after_the_first_with_the_same_number()
    {
        await Script()
            .User("家里暖气片漏水了 章丘区明水街道东山村18号 明天上午来修 电话13805312266 另外俺娘一个人在家 想找人去照看几天", "家中维修", "接着办", "请核对")
            .User("确认", "诉求已提交", "接着登记")
            .User("需要", "家庭照料")
            .ReplyLacks("请留一个能联系到您的电话")
            .Slot("phone", "13805312266")
            .RunAsync();
        Assert.Equal("home_repair", Assert.Single(_bot.Requests.Created).Category);
    }

    [Fact]
    public async Task A_first_message_that_says_as_soon_as_possible_is_not_asked_when()
    {
        await Script()
            .User("俺娘一个人在家摔了腿 想找人去照看几天 临沂沂水 电话138 0531 2266 越快越好", "请核对", "尽快安排")
            .ReplyLacks("希望什么时候")
            .RunAsync();
    }

    [Fact]
    public async Task Address_correction_replaces_the_address()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村 电话13573112345 明天来修", "家中维修", "请核对", "东山村")
            .User("地址改成历城区花园小区3号楼", "已改好", "花园小区3号楼")
            .Slot("address", "历城区花园小区3号楼")
            .RunAsync();
    }

    [Theory]
    [InlineData("算了")]
    [InlineData("取消")]
    [InlineData("不用了")]
    [InlineData("不要了")]
    [InlineData("算了不弄了")]
    [InlineData("算了 俺自己找个电工吧 不麻烦了")]
    [InlineData("不用派人了 俺儿子回来了")]
    [InlineData("俺不想弄了 太麻烦")]
    [InlineData("不用了 俺再想想")]
    [InlineData("不用了 俺妹妹能陪")] // not needed, and why
    [InlineData("不用了 俺自己请假回去了 撤了吧")]
    [InlineData("拉倒吧 不用了")]
    [InlineData("先不说这个了")]
    public async Task Cancel_words_end_the_request_without_saving(string cancel)
    {
        await Script()
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .User(cancel, "已取消")
            .NoIntake()
            .RunAsync();

        Assert.Empty(_bot.Requests.Created);
    }

    [Fact]
    public async Task A_request_dropped_for_another_need_told_in_the_same_breath_takes_that_one_down()
    {
        await Script()
            .User("俺家热水器坏了 想找人修", "家中维修")
            .User("算了 不修了 俺想找人陪俺娘去医院", "「家中维修」就不登记了", "我来帮您登记「")
            .Check(state => Assert.NotEqual("home_repair", state.Intake?.Category))
            .Check(state => Assert.NotNull(state.Intake?.Category))
            .RunAsync();
    }

    [Fact]
    public async Task Said_instead_of_the_kind_of_matter_a_phone_or_an_address_is_kept_and_the_question_says_what_is_missing()
    {
        await Script()
            .User("给俺登记上吧", "哪方面的事")
            .User("13812345671", "记下了", "还差一样", "取消")
            .Slot("phone", "13812345671")
            .User("俺想找人来修修热水器", "按「家中维修」登记")
            .Slot("phone", "13812345671")
            .RunAsync();
    }

    [Fact]
    public async Task Policy_question_in_the_middle_is_answered_then_the_prompt_is_repeated()
    {
        await Script()
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .User("住院押金能报销吗？", "职工医疗互助办法", "接着办", "哪个城市")
            .Pending("city")
            .Check(state => Assert.Equal("住院押金能报销吗?", state.LastAnswer!.Question))
            .User("济南", "希望什么时候")
            .RunAsync();
    }

    [Fact]
    public async Task Unknown_optional_slot_is_skipped_but_unknown_required_slot_is_explained()
    {
        await Script()
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .User("不知道", "最好能告诉我们", "就近", "工作人员打电话时再跟您确认")
            .Pending("city")
            .User("济南", "希望什么时候")
            .User("不知道", "请核对")
            .Check(state => Assert.Contains("when", state.Intake!.Skipped))
            .RunAsync();
    }

    [Fact]
    public async Task Invalid_phone_is_asked_again()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村 快派人来修", "家中维修", "电话")
            .Pending("phone")
            .User("138123", "号码好像不对")
            .Pending("phone")
            .User("1380531226612", "号码好像不对")
            .User("138-0531-2266", "希望什么时候")
            .Slot("phone", "13805312266")
            .RunAsync();
    }

    [Fact]
    public async Task Sentence_that_is_not_an_answer_is_not_taken_as_one()
    {
        await Script()
            .User("我妈住院了家里没人照顾，能不能找人去看看 电话138 0531 2266", "哪个城市")
            .User("你们多久能联系我", "没太听明白", "哪个城市")
            .Slot("city", null)
            .User("老家镇上", "希望什么时候")
            .Slot("city", "老家镇上")
            .RunAsync();
    }

    [Fact]
    public async Task Answer_to_another_question_is_kept_and_the_prompt_repeated()
    {
        await Script()
            .User("俺娘下周三上午要去医院复查，我在外地回不去，能不能找个志愿者陪她去", "志愿服务", "电话")
            .User("济南历城", "已记下", "所在城市：济南历城", "电话")
            .Pending("phone")
            .Slot("city", "济南历城")
            .User("修改", "要改哪一项")
            .Pending(IntakeSteps.Change)
            .User("时间改成下周四上午", "已改好", "下周四上午", "电话")
            .Pending("phone")
            .RunAsync();
    }

    [Fact]
    public async Task Refusing_to_give_a_phone_explains_why_it_is_needed()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村 快派人来修", "电话")
            .User("不方便留电话", "最好能告诉我们", "没法联系您", "也能办，工作人员会在这里跟您联系")
            .Pending("phone")
            .RunAsync();
    }

    [Fact]
    public async Task Date_in_the_past_is_asked_again()
    {
        await Script()
            .User("俺娘要去医院复查 想找个志愿者陪着 济南历城 电话13805312266", "志愿服务", "什么时候")
            .Pending("when")
            .User("11月20号", "已经过去了", "什么时候")
            .Pending("when")
            .User("下周三上午", "详细地址", "跳过")
            .Check(state => Assert.Equal(TestData.Local(12, 2, 8), state.Intake!.When!.Start))
            .User("跳过", "请核对", "下周三上午")
            .RunAsync();
    }

    [Fact]
    public async Task Confirm_creates_exactly_one_request_even_when_pressed_twice()
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .Press("确认", "HX0001")
            .Press("确认", "没有要确认或修改")
            .RunAsync();

        Assert.Single(_bot.Requests.Created);
    }

    [Fact]
    public async Task Change_asks_what_to_change_then_returns_to_the_summary()
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .Press("修改", "要改哪一项")
            .Pending(IntakeSteps.Change)
            .User("电话", "电话")
            .Pending("phone")
            .User("13912345678", "请核对", "13912345678")
            .Pending(IntakeSteps.Confirm)
            .User("修改", "要改哪一项")
            .User("时间改成后天下午", "已改好", "后天下午", "请核对")
            .RunAsync();
    }

    [Fact]
    public async Task Naming_a_slot_the_category_does_not_ask_lets_the_user_set_it()
    {
        await Script()
            .User("最近压力太大了 天天睡不着觉 想找个人聊聊 13805312266", "心理疏导", "请核对")
            .User("修改", "要改哪一项")
            .User("紧急程度", "急吗")
            .Slot("urgency", null)
            .User("紧急", "请核对", "紧急程度：紧急")
            .Press("确认", "2小时内首次联系")
            .RunAsync();
    }

    [Fact]
    public async Task Description_can_be_rewritten_from_the_summary()
    {
        await Script()
            .User("俺娘一个人在章丘老家 想找人明天上午去看看 电话138 0531 2266", "请核对")
            .User("修改", "要改哪一项")
            .Press("情况说明", "具体情况")
            .Pending("description")
            .User("老人腿脚不便，想找人每周去看看", "请核对", "老人腿脚不便")
            .Slot("description", "老人腿脚不便，想找人每周去看看")
            .RunAsync();
    }

    [Fact]
    public async Task Request_without_a_known_category_asks_which_kind_first()
    {
        await Script()
            .User("能不能帮帮我 电话13805312266", "哪方面的事")
            .Pending(IntakeSteps.Category)
            .Press("法律援助", "办公室", "哪个城市")
            .Press("跳过", "请核对", "法律援助")
            .RunAsync();
    }

    [Fact]
    public async Task Question_with_a_request_gets_the_answer_and_the_intake()
    {
        await Script()
            .User("我爸住院了能报销多少？能不能派人去医院陪护一下 济南 电话13805312266", "职工医疗互助办法", "我来帮您登记")
            .Check(state => Assert.NotNull(state.Intake))
            .RunAsync();
    }
}
