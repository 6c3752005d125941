using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;

namespace HuaXin.Bot.Dialogs.Tests.Slots;

public sealed class PhoneExtractorTests
{
    private readonly PhoneExtractor _phone = new();

    [Theory]
    [InlineData("电话13805312266", "13805312266")]
    [InlineData("电话138 0531 2266", "13805312266")]
    [InlineData("138-0531-2266", "13805312266")]
    [InlineData("手机：+86 138 0531 2266", "13805312266")]
    [InlineData("+8613805312266", "13805312266")]
    [InlineData("86-13805312266", "13805312266")]
    [InlineData("１３８０５３１２２６６", "13805312266")]
    [InlineData("19912345678赶紧", "19912345678")]
    [InlineData("座机0531-88886601", "0531-88886601")]
    [InlineData("0531 88886601", "0531-88886601")]
    [InlineData("(0539)8123456", "0539-8123456")]
    [InlineData("010-62345678", "010-62345678")]
    public void Reads_valid_numbers(string text, string expected) =>
        Assert.Equal(expected, _phone.Extract(TextNormalizer.Normalize(text))?.Value);

    [Theory]
    [InlineData("138123")]
    [InlineData("138053122661")]
    [InlineData("12805312266")]
    [InlineData("电话1380531226")]
    [InlineData("家里3号楼2单元301")]
    [InlineData("工资3000多")]
    public void Rejects_what_is_not_a_phone(string text) => Assert.Null(_phone.Extract(text));
}
