using HuaXin.Bot.Core;
using HuaXin.Bot.People;

namespace HuaXin.Bot.Tests.Security;

/// <summary>The one landline reader: what the phone slot finds in a sentence and what a roster cell stores.</summary>
public sealed class LandlineNumberTests
{
    [Theory]
    [InlineData("座机0531-88886601", "0531-88886601")]
    [InlineData("(0539)8123456", "0539-8123456")]
    [InlineData("（0539）8123456", "0539-8123456")]
    [InlineData("010 6234 5678", "010-62345678")]
    [InlineData("+86 0531 8888 6601", "0531-88886601")]
    public void A_landline_is_found_in_a_sentence(string text, string expected) => Assert.Equal(expected, LandlineNumber.Find(text)?.ToString());

    [Theory]
    [InlineData("0531-88886602", "053188886602")]
    [InlineData(" 0531 - 8888 6601 ", "053188886601")]
    [InlineData("13805312266", "13805312266")]
    [InlineData("138 0531 2266", "13805312266")]
    [InlineData("电话0531-88886601", null)]
    [InlineData("0531-1234567", null)]
    [InlineData("12345", null)]
    public void A_roster_cell_is_one_number_or_none(string text, string? digits) => Assert.Equal(digits, PhoneNumbers.Normalize(text));
}
