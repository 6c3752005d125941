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
    [InlineData("0086 158 0633 1947", "15806331947")]
    [InlineData("(+86)158-0633-1947", "15806331947")]
    [InlineData("电话幺三九零五三幺二二八七", "13905312287")]
    [InlineData("电话 一五零 九二二一 八八四三", "15092218843")]
    [InlineData("3号楼2单元301 13805312266", "13805312266")]
    public void Reads_valid_numbers(string text, string expected) =>
        Assert.Equal(expected, _phone.Extract(TextNormalizer.Normalize(text))?.Value);

    [Theory]
    [InlineData("138123")]
    [InlineData("138053122661")]
    [InlineData("12805312266")]
    [InlineData("电话1380531226")]
    [InlineData("家里3号楼2单元301")]
    [InlineData("工资3000多")]
    [InlineData("座机0531-88886601")]
    [InlineData("(0539)8123456")]
    [InlineData("手机尾号6623")]
    [InlineData("一三八零五三一二二六")]
    public void Rejects_what_is_not_a_phone(string text) => Assert.Null(_phone.Extract(text));

    [Theory]
    [InlineData("座机0531-88886601", "0531-88886601")]
    [InlineData("(0539)8123456", "0539-8123456")]
    [InlineData("010-62345678", "010-62345678")]
    public void A_landline_is_read_only_when_asked_for(string text, string expected) => Assert.Equal(expected, PhoneExtractor.Landline(text));
}
