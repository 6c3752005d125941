using HuaXin.Bot.Dialogs.Conversation;
using HuaXin.Bot.Dialogs.Slots;

namespace HuaXin.Bot.Dialogs.Tests.Conversation;

public sealed class DescriptionEditsTests
{
    [Theory]
    [InlineData("家里厕所堵了 电话138 0531 2266", SlotNames.Phone, "13805312266", "13912345678", "家里厕所堵了 电话13912345678")]
    [InlineData("俺娘下礼拜三要复查", SlotNames.When, "下礼拜三", "下礼拜四", "俺娘下礼拜四要复查")]
    [InlineData("家里厕所堵了", SlotNames.Phone, "13805312266", "13912345678", "家里厕所堵了")]
    [InlineData("家里厕所堵了", SlotNames.Address, "东山村18号", "西山村3号", "家里厕所堵了")]
    [InlineData("俺爹血压高 想找人看看", SlotNames.Relation, "父亲", "母亲", "俺爹血压高 想找人看看（更正：母亲）")]
    public void The_old_value_is_replaced_where_written_and_only_a_corrected_person_is_noted(string description, string slot, string old, string value, string expected) =>
        Assert.Equal(expected, DescriptionEdits.Replace(description, slot, old, value));
}
