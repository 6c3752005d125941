using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Tests.Support;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

/// <summary>A required slot declined twice: with a callback phone it is left for staff to confirm on the call and the
/// request goes on to the summary; without one the dialog keeps asking, as before.</summary>
public sealed class DeclinedRequiredSlotTests
{
    private const string FrozenPipe = "俺家水管子冻裂了 淌了一地水 俺男人在外地工地上 能来人修修不";

    private readonly BotHarness _bot = new();

    private DialogScript Script(string conversation = "c1") => new(_bot, conversation);

    [Theory]
    [InlineData("就这些，没有别的了", "对，提交吧")]
    [InlineData("就这些", "就这些")]
    [InlineData("不知道", "没了")]
    [InlineData("不清楚", "确认")]
    [InlineData("提交吧", "就这样吧")]
    [InlineData("就这些", "不知道")]
    public async Task A_second_decline_with_a_callback_phone_leaves_the_slot_to_the_call_and_ends_in_a_ticket(string first, string second)
    {
        await Script()
            .User(FrozenPipe, "家中维修", "电话")
            .Pending("phone")
            .User("13805312266", "详细地址")
            .Pending("address")
            .User(first, "最好能告诉我们", "上门服务需要知道具体地址")
            .Pending("address")
            .User(second, "详细地址等工作人员打电话时再跟您确认", "请核对", "详细地址：待电话确认")
            .Slot("address", "待电话确认")
            .Pending(IntakeSteps.Confirm)
            .User("确认", "诉求已提交", "HX0001")
            .NoIntake()
            .RunAsync();

        var created = Assert.Single(_bot.Requests.Created);
        Assert.Equal(("home_repair", "待电话确认", "13805312266"), (created.Category, created.Slots["address"], created.Slots["phone"]));
    }

    [Fact]
    public async Task An_address_given_after_all_replaces_the_placeholder_and_leaves_the_description_alone()
    {
        await Script()
            .User(FrozenPipe, "电话")
            .User("13805312266", "详细地址")
            .User("不知道", "最好能告诉我们")
            .User("不知道", "待电话确认")
            .User("地址改成章丘区明水街道东山村18号", "已改好", "东山村18号")
            .Slot("address", "章丘区明水街道东山村18号")
            .Slot("description", FrozenPipe)
            .RunAsync();
    }

    [Theory]
    [InlineData("提交吧")]
    [InlineData("确认")]
    public async Task A_wish_to_submit_at_an_optional_question_goes_to_the_summary(string submit)
    {
        await Script()
            .User("俺娘一个人在济南章丘老家 想找人去看看 电话138 0531 2266", "希望什么时候")
            .User(submit, "请核对")
            .Pending(IntakeSteps.Confirm)
            .RunAsync();
    }

    [Theory]
    [InlineData("对，提交吧")]
    [InlineData("确认")]
    public async Task Without_a_phone_a_wish_to_submit_does_not_leave_the_address_to_a_call(string submit)
    {
        await Script()
            .User(FrozenPipe, "电话")
            .User("不方便留电话", "最好能告诉我们", "没法联系您")
            .User("不方便留", "详细地址")
            .Slot("phone", "未留电话（请在对话中联系）")
            .User("就这些，没有别的了", "最好能告诉我们")
            .User(submit)
            .ReplyLacks("待电话确认")
            .ReplyLacks("打电话时")
            .Pending("address")
            .RunAsync();

        Assert.Empty(_bot.Requests.Created);
    }

    [Fact]
    public async Task The_phone_itself_is_never_left_to_a_call()
    {
        await Script()
            .User(FrozenPipe, "电话")
            .User("就这些", "最好能告诉我们")
            .User("对，提交吧", "详细地址")
            .ReplyLacks("待电话确认")
            .Slot("phone", "未留电话（请在对话中联系）")
            .RunAsync();
    }
}
