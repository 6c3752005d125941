using HuaXin.Bot.Dialogs.Abstractions;
using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

/// <summary>The answers people give in their own words: 就这些, 都行, 尽快, 不知道, 没了, 对提交吧, corrections in plain words.</summary>
public sealed class NaturalAnswerTests
{
    private readonly BotHarness _bot = new();

    private DialogScript Script(string conversation = "c1") => new(_bot, conversation);

    [Theory]
    [InlineData("确认")]
    [InlineData("没了")]
    [InlineData("对，提交吧")]
    [InlineData("对 确认")]
    [InlineData("嗯呐")]
    [InlineData("妥了")]
    [InlineData("嗯嗯 好的")]
    [InlineData("管")]
    [InlineData("就这么着吧")]
    public async Task Nothing_more_to_add_then_a_plain_yes_submits(string yes)
    {
        await Script()
            .User("俺娘一个人在济南章丘老家 想找人去看看 电话138 0531 2266", "希望什么时候")
            .User("就这些，没有别的了", "请核对")
            .Pending(IntakeSteps.Confirm)
            .User(yes, "诉求已提交", "HX0001")
            .NoIntake()
            .RunAsync();
        Assert.Single(_bot.Requests.Created);
    }

    [Fact]
    public async Task Corrections_on_the_summary_in_plain_words_change_what_is_submitted()
    {
        await Script()
            .User("俺娘一个人在济南章丘老家 想找人去看看 明水街道东山村3号楼2单元301 电话138 0531 2266", "希望什么时候")
            .User("明天上午", "请核对")
            .User("地址错了 是4号楼", "东山村4号楼2单元301")
            .Slot("address", "明水街道东山村4号楼2单元301")
            .User("不是明天 后天", "后天")
            .Slot("when", "后天")
            .User("不是看看 是陪她去医院复查", "已更正")
            .Pending(IntakeSteps.Confirm)
            .Check(state => Assert.EndsWith("（更正：不是看看 是陪她去医院复查）", state.Intake!.Slots[SlotNames.Description]))
            .RunAsync();
    }

    [Theory]
    [InlineData("你们这是啥破机器人 问啥都不会", true)]
    [InlineData("你这也听不懂", true)]
    [InlineData("问啥都不知道", true)]
    [InlineData("这破机器又坏了", false)] // an appliance
    [InlineData("来的工作人员一问三不知", false)] // staff: a complaint
    public void Annoyance_with_the_bot_is_told_from_a_broken_machine_and_from_a_complaint_about_staff(string text, bool blames) =>
        Assert.Equal(blames, Phrases.BlamesTheBot(text));

    [Fact]
    public async Task Annoyance_with_the_bot_gets_an_apology_and_a_person_not_a_search()
    {
        await Script()
            .User("你们这是啥破机器人 问啥都不会", "不好意思", "转人工")
            .ReplyLacks("知识库")
            .RunAsync();
    }

    [Theory]
    [InlineData("明天不行 改后天", "后天")]
    [InlineData("明天不方便，后天下午吧", "后天下午")]
    [InlineData("时间不行 改到下周一上午", "下周一上午")]
    public async Task A_time_said_not_to_suit_is_replaced_by_the_one_said_after_it(string correction, string when)
    {
        await Script()
            .User("俺家水管漏了 明天上午来修 章丘区明水街道东山村18号 13812345671", "请核对")
            .User(correction, "已改好")
            .Slot("when", when)
            .RunAsync();
    }

    [Theory]
    [InlineData("都行")]
    [InlineData("越快越好")]
    [InlineData("不知道")]
    [InlineData("提交吧")]
    [InlineData("中")]
    [InlineData("行啊")]
    [InlineData("啥时候都中")]
    [InlineData("随便哪天都行")]
    public async Task A_volunteer_request_without_a_time_goes_on_as_soon_as_possible(string answer)
    {
        await Script()
            .User("想找个志愿者陪俺娘去医院复查 济南历城 电话13805312266", "希望什么时候")
            .User(answer, "尽快安排", "打电话")
            .Slot("when", "尽快安排（电话约时间）")
            .RunAsync();
    }

    [Theory]
    [InlineData("对，就这么办")]
    [InlineData("那就这样办吧")]
    public async Task Go_ahead_asked_when_is_as_soon_as_possible(string answer)
    {
        await Script()
            .User("想找个志愿者陪俺娘去医院复查 济南历城 电话13805312266", "希望什么时候")
            .User(answer, "尽快安排")
            .ReplyLacks("没太听明白")
            .Slot("when", "尽快安排（电话约时间）")
            .RunAsync();
    }

    [Fact]
    public async Task Asking_to_go_on_without_a_phone_is_a_decline_not_a_policy_question()
    {
        await Script()
            .User("家里水管漏了 想找人来修", "电话")
            .User("不给电话不行吗", "最好能告诉我们", "不留")
            .ReplyLacks("政策解答")
            .Pending("phone")
            .RunAsync();
    }

    [Fact]
    public async Task A_burst_pipe_told_and_then_agreed_to_is_taken_down_as_urgent()
    {
        await Script()
            .User("水管爆了 满屋子都是水", "家中维修")
            .User("需要", "优先")
            .Slot("urgency", "紧急")
            .RunAsync();
    }

    [Fact]
    public async Task An_address_said_in_pieces_is_put_together_not_taken_for_a_time()
    {
        await Script()
            .User("俺家水管漏了 想找人来修 13812345671", "详细地址")
            .User("明水街道", "希望什么时候")
            .User("东山村", "地址记为：明水街道东山村")
            .User("18号", "地址记为：明水街道东山村18号")
            .Slot("address", "明水街道东山村18号")
            .Slot("when", null)
            .RunAsync();
    }

    [Fact]
    public async Task Someone_who_does_not_know_their_own_number_goes_on_without_one_after_being_told_why_once()
    {
        await Script()
            .User("俺娘一个人在家 想找人去看看她 章丘区明水街道东山村18号", "电话")
            .User("俺不知道俺的号 俺是老年机", "最好能告诉我们")
            .User("不知道")
            .Slot("phone", "未留电话（请在对话中联系）")
            .RunAsync();
    }

    [Theory]
    [InlineData("好的")]
    [InlineData("行")]
    [InlineData("中，那就登记吧")]
    public async Task A_yes_asked_for_the_phone_asks_for_the_digits(string yes)
    {
        await Script()
            .User("家里水管漏了 想找人来修", "电话")
            .User(yes, "直接把电话号码发过来")
            .Pending("phone")
            .User("13805312266")
            .Slot("phone", "13805312266")
            .RunAsync();
    }

    [Fact]
    public async Task Hurrying_the_first_request_while_a_second_is_taken_down_hurries_it_and_goes_on()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User("俺娘一个人在家 想找人去看看", "哪个城市")
            .User("帮俺催一下", "已帮您催办诉求 HX0001", "哪个城市")
            .Pending("city")
            .RunAsync();
        Assert.Contains(_bot.Tickets.Supplements, s => s.Number == "HX0001" && s.Text.Contains("催"));
    }

    [Theory]
    [InlineData("办到哪了")]
    [InlineData("俺那事办得咋样了")]
    [InlineData("有信儿了没")]
    public async Task Asking_after_a_request_in_the_middle_of_another_shows_the_requests_and_goes_on(string asked)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User("俺娘一个人在家 想找人去看看", "哪个城市")
            .User(asked, "HX0001", "哪个城市")
            .ReplyLacks("政策解答")
            .Pending("city")
            .RunAsync();
    }

    [Fact]
    public async Task Asking_after_the_request_being_taken_down_says_it_is_not_submitted_yet()
    {
        await Script()
            .User("俺娘一个人在家 想找人去看看", "电话")
            .User("办到哪了", "正在登记的这件", "电话")
            .Pending("phone")
            .RunAsync();
    }

    [Fact]
    public async Task A_new_number_typed_while_another_question_is_asked_replaces_the_old_one()
    {
        await Script()
            .User("想找个志愿者陪俺娘去医院复查 济南历城 电话13805312266", "希望什么时候")
            .User("15864321187", "联系电话：15864321187", "希望什么时候")
            .ReplyLacks("没太听明白")
            .Slot("phone", "15864321187")
            .RunAsync();
    }

    [Theory]
    [InlineData("晌午头")]
    [InlineData("过晌")]
    [InlineData("头午")]
    [InlineData("过了年")]
    public async Task A_time_in_dialect_is_taken_as_said(string answer)
    {
        await Script()
            .User("想找个志愿者陪俺娘去医院复查 济南历城 电话13805312266", "希望什么时候")
            .User(answer, "地址")
            .ReplyLacks("没太听明白")
            .Slot("when", answer)
            .RunAsync();
    }

    [Fact]
    public async Task A_weekly_time_said_when_this_weeks_day_is_over_is_kept_as_said()
    {
        // Saturday evening: "每周六下午" is every Saturday, not the afternoon that has just gone.
        _bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 11, 30, 0, TimeSpan.Zero));
        await Script()
            .User("想找个志愿者陪俺娘去医院复查 济南历城 电话13805312266", "希望什么时候")
            .User("每周六下午")
            .ReplyLacks("已经过去了")
            .Slot("when", "每周六下午")
            .RunAsync();
    }

    [Theory]
    [InlineData("每个礼拜去两趟就中")]
    [InlineData("一个星期来三回")]
    public async Task How_often_is_taken_as_the_time(string answer)
    {
        await Script()
            .User("想找个志愿者陪俺娘去医院复查 济南历城 电话13805312266", "希望什么时候")
            .User(answer, "地址")
            .ReplyLacks("没太听明白")
            .Slot("when", answer)
            .RunAsync();
    }

    [Theory]
    [InlineData("俺男人在外地打工 俺想问问探亲假")]
    [InlineData("俺想打听打听金秋助学的事")]
    public async Task Saying_one_wants_to_ask_starts_no_request(string text)
    {
        await Script().User(text).NoIntake().RunAsync();
        Assert.Empty(_bot.Requests.Created);
    }

    [Theory]
    [InlineData("家里水管子坏了 能来个人帮俺修修不")]
    [InlineData("俺娘腿脚不好 能帮俺看看她不")]
    public async Task Asking_whether_someone_can_come_or_help_is_a_request(string text)
    {
        await Script().User(text, "我来帮您登记").RunAsync();
    }

    [Fact]
    public async Task Asking_for_more_trips_is_a_request_not_how_often()
    {
        await Script().User("建议班车多加几趟 一到周五就一趟车根本坐不下 好多人站着", "我来帮您登记").RunAsync();
    }

    [Theory]
    [InlineData("我就是问问，不用登记")]
    [InlineData("就问问")]
    [InlineData("算了")]
    [InlineData("撤回")]
    public async Task Leaving_words_end_intake_at_any_step(string words)
    {
        await Script()
            .User("俺娘一个人在家 想找人去看看 电话13805312266", "哪个城市")
            .User(words, "不登记")
            .NoIntake()
            .RunAsync();
        Assert.Empty(_bot.Requests.Created);
    }

    [Theory]
    [InlineData("唉 还是弄吧")]
    [InlineData("那还是给俺办吧")]
    [InlineData("接着办")]
    public async Task Changing_ones_mind_after_cancelling_brings_the_request_back(string again)
    {
        await Script()
            .User("俺娘一个人在家 想找人去看看 电话13805312266", "哪个城市")
            .User("那算了 先不弄了", "不登记")
            .NoIntake()
            .User(again, "接着办刚才的", "哪个城市")
            .Slot("phone", "13805312266")
            .RunAsync();
    }

    [Theory]
    [InlineData("莘县张鲁镇王家村东头第三家", "莘县张鲁镇王家村东头第三家")]
    [InlineData("惠民县李庄镇东街", "惠民县李庄镇东街")]
    [InlineData("沂水县城关镇，汽车站对面那个大院，进门左手第二家", "沂水县城关镇 汽车站对面那个大院,进门左手第二家")]
    public async Task A_landmark_after_the_place_stays_in_the_address(string address, string kept)
    {
        await Script()
            .User("家里水管子漏了 想找人来修 电话13805312266", "详细地址")
            .User(address)
            .Slot("address", kept)
            .RunAsync();
    }

    [Theory]
    [InlineData("俺娘说不用了，取消吧")]
    public async Task Cancelling_in_a_whole_sentence_ends_intake(string words)
    {
        await Script()
            .User("家里水管子漏了 想找人来修", "电话")
            .User(words, "不登记")
            .NoIntake()
            .RunAsync();
    }

    [Theory]
    [InlineData("俺不修了，俺叫邻居修好了")]
    [InlineData("俺儿子回来了，自己修好了，不用你们来了")]
    public async Task Saying_the_repair_is_no_longer_needed_offers_the_withdrawal(string words)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User(words, "撤回 HX0001")
            .RunAsync();
    }

    [Theory]
    [InlineData("嗯 撤了吧")]
    [InlineData("对 撤吧")]
    [InlineData("撤回")]
    [InlineData("是")]
    public async Task A_yes_to_the_offered_withdrawal_withdraws_the_request(string yes)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User("不用了 俺自己找人修好了", "撤回 HX0001")
            .User(yes, "已撤回")
            .RunAsync();
        Assert.Equal(["HX0001"], _bot.Tickets.Withdrawals);
    }

    [Theory]
    [InlineData("不撤了")]
    [InlineData("算了")]
    public async Task A_no_to_the_offered_withdrawal_keeps_the_request(string no)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User("不用了 俺自己找人修好了", "撤回 HX0001")
            .User(no, "继续办理")
            .RunAsync();
        Assert.Empty(_bot.Tickets.Withdrawals);
    }

    [Fact]
    public async Task A_phone_number_typed_at_the_address_question_is_not_the_address()
    {
        await Script()
            .User("家里水管子漏了 想找人来修 电话13805312266", "详细地址")
            .User("13805312266")
            .Check(state => Assert.False(state.Intake!.Slots.ContainsKey("address")))
            .RunAsync();
    }

    [Fact]
    public async Task 不中_at_the_summary_asks_what_to_change()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("不中", "改哪")
            .RunAsync();
        Assert.Empty(_bot.Requests.Created);
    }

    [Fact]
    public async Task Withdrawing_at_the_summary_submits_nothing()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("撤回", "不登记")
            .NoIntake()
            .RunAsync();
        Assert.Empty(_bot.Requests.Created);
    }

    [Fact]
    public async Task An_address_correction_keeps_the_whole_new_address()
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .Slot("when", "明天上午")
            .User("地址改成相公庄镇王家村东头第三户", "相公庄镇王家村东头第三户")
            .Slot("address", "相公庄镇王家村东头第三户")
            .RunAsync();
    }

    [Theory]
    [InlineData("电话就打俺的吧 13805312266")]
    [InlineData("有事打俺手机就行 13805312266")]
    public async Task A_number_given_as_call_me_is_the_phone_not_an_emergency(string answer)
    {
        await Script()
            .User("俺娘腿脚不好 一个人在章丘老家 想找个人下礼拜去看看", "电话")
            .User(answer)
            .ReplyLacks("110")
            .Slot("phone", "13805312266")
            .RunAsync();
        Assert.Empty(_bot.Requests.Created);
    }

    [Fact]
    public async Task After_a_phone_correction_the_description_holds_no_old_number()
    {
        await Script()
            .User("俺娘一个人在济南章丘 明天上午想找人去看看 电话138 0531 2266", "请核对")
            .User("电话写错了，是139 1234 5678", "13912345678")
            .Check(state =>
            {
                Assert.Equal("13912345678", state.Intake!.Slots["phone"]);
                Assert.DoesNotContain("2266", state.Intake.Slots["description"]);
                Assert.Contains("13912345678", state.Intake.Slots["description"]);
            })
            .RunAsync();
    }

    [Fact]
    public async Task A_question_is_answered_and_offered_and_only_a_yes_starts_intake()
    {
        await Script()
            .User("困难补助有啥条件", "困难职工帮扶救助管理办法", "需要帮您登记「")
            .NoIntake()
            .User("需要", "我来帮您登记")
            .Check(state => Assert.NotNull(state.Intake))
            .RunAsync();
        await Script("c2")
            .User("困难补助有啥条件", "需要帮您登记「")
            .User("不用了", "不登记")
            .NoIntake()
            .RunAsync();
    }

    [Theory]
    [InlineData("那你给俺登记上吧")]
    [InlineData("嗯呐")]
    [InlineData("中，帮我办一下")]
    [InlineData("中 那麻烦恁了")]
    [InlineData("那行")]
    public async Task A_yes_in_own_words_to_the_offer_starts_intake(string yes)
    {
        await Script()
            .User("困难补助有啥条件", "需要帮您登记「")
            .User(yes, "我来帮您登记")
            .Check(state => Assert.NotNull(state.Intake))
            .RunAsync();
    }

    // A trouble told without asking is offered to be taken down, never greeted; a verdict on a service with nothing of
    // theirs to rate is a complaint offered to be taken down.
    [Theory]
    [InlineData("食堂的饭真难吃", "需要帮您登记「后勤保障」")]
    [InlineData("修得一般 还漏", "需要帮您登记「家中维修」")]
    [InlineData("不满意", "需要帮您登记「意见建议/投诉」")]
    public async Task A_trouble_told_without_asking_is_offered_to_be_taken_down(string text, string offer)
    {
        await Script()
            .User(text, offer)
            .ReplyLacks("有政策问题或要办的事")
            .ReplyLacks("没有要评价的诉求")
            .NoIntake()
            .User("需要", "我来帮您登记")
            .Check(state => Assert.NotNull(state.Intake))
            .RunAsync();
    }

    // Asked about this request, not about a policy: what happens next, then the same question again; at the summary,
    // how to submit, without the card again. "不急 啥时候都行" is an answer to when.
    [Fact]
    public async Task Asking_what_happens_next_in_the_middle_of_a_request_is_answered_about_it()
    {
        await Script()
            .User("俺娘一个人在家 想找人去看看 在章丘 电话13805312266", "希望什么时候")
            .User("啥时候有人来", "我正在帮您登记「家庭照料」", "车间工会会在12小时内联系您", "希望什么时候")
            .ReplyLacks("政策解答")
            .User("不急 啥时候都行", "尽快安排", "请核对")
            .User("接下来咋弄", "回复「确认」就提交了")
            .ReplyLacks("请核对")
            .User("确认", "诉求已提交")
            .RunAsync();
    }

    // A yes is no number: the second one is told the other way, not the same words again; "不留" goes on without one.
    [Fact]
    public async Task Saying_yes_twice_to_the_phone_question_gets_the_way_on_without_one()
    {
        await Script()
            .User("家里水管漏了 想找人来修", "电话")
            .User("嗯", "请直接把电话号码发过来")
            .User("好", "不方便留的话，回复「不留」")
            .ReplyLacks("请直接把电话号码发过来")
            .User("不留")
            .ReplyLacks("再回一句「不留」")
            .Check(state => Assert.NotEqual(SlotNames.Phone, state.Intake!.Pending))
            .RunAsync();
    }

    [Fact]
    public async Task A_need_corrected_as_not_this_but_that_changes_the_category()
    {
        await Script()
            .User("家里水管漏了 想找人来修", "家中维修", "电话")
            .User("不是维修 是俺爹要去医院 想找人陪着", "不登记「家中维修」了")
            .Check(state => Assert.NotEqual("home_repair", state.Intake!.Category))
            .RunAsync();
    }

    [Fact]
    public async Task A_cancel_taken_back_resumes_the_request()
    {
        await Script()
            .User("家里水管漏了 想找人来修", "电话")
            .User("算了", "已取消")
            .User("哎呀 取消错了 还是要办", "接着办刚才的")
            .Check(state => Assert.NotNull(state.Intake))
            .RunAsync();
    }

    [Fact]
    public async Task More_about_the_need_after_the_offer_takes_it_down_with_it()
    {
        await Script()
            .User("困难补助有啥条件", "需要帮您登记「")
            .User("俺男人腰摔坏了 干不了活", "我来帮您登记")
            .Check(state => Assert.Contains("腰摔坏了", state.Intake!.Slots["description"]))
            .RunAsync();
    }

    [Theory]
    [InlineData("俺公公也中不")]
    [InlineData("俺结婚了 那是几天")]
    [InlineData("那要是俺男人在外地呢")]
    public async Task A_question_after_the_offer_is_asked_not_taken_down(string question)
    {
        await Script()
            .User("困难补助有啥条件", "需要帮您登记「")
            .User(question)
            .ReplyLacks("我来帮您登记")
            .NoIntake()
            .RunAsync();
    }

    [Fact]
    public async Task Asking_to_be_registered_with_nothing_named_asks_which_matter()
    {
        await Script()
            .User("帮我登记", "哪方面的事")
            .Pending(IntakeSteps.Category)
            .RunAsync();
    }

    [Theory]
    [InlineData("俺要跟真人说", "热线")]
    [InlineData("给俺找个工作人员", "热线")]
    [InlineData("你是机器人还是真人", "机器人")]
    [InlineData("你是人吗", "转人工")]
    [InlineData("恁是真人不", "机器人")]
    [InlineData("你叫啥名", "机器人")]
    [InlineData("那你会干啥", "我可以")]
    public async Task Asking_for_a_person_or_whether_one_is_there_is_answered_plainly(string asked, string reply)
    {
        await Script()
            .User(asked, reply)
            .ReplyLacks("有政策问题或要办的事")
            .RunAsync();
    }

    [Fact]
    public async Task A_bound_family_is_not_asked_for_the_phone_the_roster_holds()
    {
        _bot.Tickets.Profile = new RequesterProfile("13700001111", "章丘区明水街道东山村18号");
        await Script()
            .User("家里水管爆了 快来修", "希望什么时候")
            .User("就这些", "请核对", "13700001111", "东山村18号")
            .RunAsync();
    }

    [Fact]
    public async Task Text_after_a_rating_card_is_that_rating_and_opens_nothing()
    {
        _bot.Tickets.AwaitingRating = new RequestSummary("HX-20261123-0001", "volunteer", "团委", "已办结", TestData.Now, false);
        await Script()
            .User("满意，志愿者李大姐很用心，谢谢工会", "感谢您的评价")
            .NoIntake()
            .RunAsync();
        var rating = Assert.Single(_bot.Tickets.Ratings);
        Assert.Equal(("HX-20261123-0001", "满意"), (rating.Number, rating.Rating));
        Assert.Empty(_bot.Requests.Created);
    }

    // A praise word denied is no praise: not taken as 满意.
    [Fact]
    public async Task A_denied_praise_after_a_rating_card_is_not_a_satisfied_rating()
    {
        _bot.Tickets.AwaitingRating = new RequestSummary("HX-20261123-0001", "volunteer", "团委", "已办结", TestData.Now, false);
        await Script()
            .User("志愿者不耐心")
            .RunAsync();
        Assert.DoesNotContain(_bot.Tickets.Ratings, r => r.Rating is "满意" or "非常满意" or "基本满意");
    }

    [Theory]
    [InlineData("时间不对 改成下礼拜二")]
    [InlineData("补充一下 俺娘眼睛看不清 得有人扶着")]
    [InlineData("对了 修的时候俺不在家 钥匙在邻居那")]
    public async Task Details_after_the_request_went_in_are_added_to_it(string more)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User(more, "已补充到诉求 HX0001")
            .NoIntake()
            .RunAsync();
        Assert.Single(_bot.Requests.Created);
        Assert.Contains(_bot.Tickets.Supplements, s => s.Number == "HX0001" && s.Text.Contains(more));
    }

    [Theory]
    [InlineData("算了不用修了 俺自己通开了")]
    [InlineData("不用了 俺儿子回来修好了")]
    public async Task Not_needing_the_repair_any_more_offers_to_withdraw_it(string text)
    {
        await Script()
            .User("家里水管爆了 章丘区明水街道东山村18号 明天上午来修 电话13805312266", "请核对")
            .User("确认", "HX0001")
            .User(text, "撤回")
            .RunAsync();
    }

    [Theory]
    [InlineData("我想评价一下")]
    [InlineData("我想给上次的服务打个分")]
    public async Task Asking_to_rate_with_nothing_finished_says_when_it_can_be_done(string text)
    {
        await Script()
            .User(text, "还没有要评价的诉求")
            .NoIntake()
            .RunAsync();
    }

    [Fact]
    public async Task A_complaint_that_says_not_satisfied_is_no_rating()
    {
        await Script()
            .User("对你们的服务不满意 想投诉")
            .ReplyLacks("要评价")
            .RunAsync();
    }

    [Fact]
    public async Task A_question_is_never_answered_with_the_greeting()
    {
        await Script()
            .User("我们工地上好几个月没发工资了怎么办")
            .ReplyLacks("您好！有政策问题")
            .RunAsync();
    }

    [Theory]
    [InlineData("俺男人前几天在工地上出事，人没了")]
    [InlineData("俺男人去年在工地上摔死了")]
    [InlineData("俺老伴没了")]
    [InlineData("俺男人在工地上出事死了")]
    [InlineData("俺男人在工地上出事没了 俺和孩子以后咋活啊")] // a lament, not a question
    public async Task A_death_told_gets_sympathy_and_the_unions_help_offered(string told)
    {
        await Script()
            .User(told, "节哀", "集团工会")
            .ReplyLacks("星火365")
            .User("要", "困难帮扶")
            .ReplyLacks("节哀") // said once
            .RunAsync();
    }

    [Theory]
    [InlineData("俺男人差点摔死了 现在在医院")]
    [InlineData("俺娘说她快累死了")]
    [InlineData("俺爹要是去世了呢 有啥补助")] // a case supposed
    public async Task Nearly_dying_or_a_figure_of_speech_is_no_death(string text)
    {
        await Script()
            .User(text)
            .ReplyLacks("节哀")
            .RunAsync();
    }

    [Fact]
    public async Task A_question_about_a_death_is_answered_after_the_sympathy()
    {
        await Script()
            .User("俺爹是退休的 去世了 抚恤金有多少", "节哀")
            .ReplyLacks("要登记吗")
            .RunAsync();
    }

    [Fact]
    public async Task Asking_to_rate_a_finished_request_offers_the_levels()
    {
        _bot.Tickets.AwaitingRating = new RequestSummary("HX-20261123-0001", "volunteer", "团委", "已办结", TestData.Now, false);
        await Script()
            .User("评价", "HX-20261123-0001", "打个分")
            .RunAsync();
        Assert.Empty(_bot.Tickets.Ratings);
    }

    [Theory]
    [InlineData("五星", "非常满意")]
    [InlineData("给5颗星", "非常满意")]
    [InlineData("一星", "非常不满意")]
    public async Task Stars_after_a_rating_card_are_the_rating(string stars, string level)
    {
        _bot.Tickets.AwaitingRating = new RequestSummary("HX-20261123-0001", "volunteer", "团委", "已办结", TestData.Now, false);
        await Script()
            .User(stars, "感谢您的评价")
            .NoIntake()
            .RunAsync();
        Assert.Equal(level, Assert.Single(_bot.Tickets.Ratings).Rating);
    }

    [Theory]
    [InlineData("你们是正规的不")]
    [InlineData("不会是骗子吧")]
    public async Task Asking_whether_this_is_genuine_says_how_to_check(string asked)
    {
        await Script()
            .User(asked, "服务热线", "转账")
            .NoIntake()
            .RunAsync();
    }

    [Fact]
    public void A_swindler_told_about_is_not_taken_for_doubt_about_the_service() =>
        Assert.False(Phrases.AsksIfGenuine("家里来了个骗子 骗走了俺娘的钱"));

    [Fact]
    public async Task Progress_and_a_typed_ticket_number_show_the_familys_tickets()
    {
        await Script()
            .User("俺娘一个人在济南章丘老家 明天上午想找人去看看 电话138 0531 2266", "请核对")
            .User("确认", "HX0001")
            .RunAsync();
        await Script()
            .User("查询进度", "HX0001", "家庭照料")
            .RunAsync();
    }
}
