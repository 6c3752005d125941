using System.Text;
using CsCheck;
using HuaXin.Bot.Core;
using HuaXin.Bot.Dialogs.Slots;
using HuaXin.Bot.Dialogs.Text;

namespace HuaXin.Bot.Tests.Security;

/// <summary>Finding 10: one mobile-number type finds, normalises and masks; whatever way of writing a number the slot
/// extractor accepts, the masking (pages, exports, logs) recognises too.</summary>
public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("13805312266", "13805312266")]
    [InlineData("+86 138 0531 2266", "13805312266")]
    [InlineData("0086-13805312266", "13805312266")]
    [InlineData("(+86)13805312266", "13805312266")]
    [InlineData("（+86）138-0531-2266", "13805312266")]
    [InlineData("8613805312266", "13805312266")]
    [InlineData("１３８０５３１２２６６", "13805312266")]
    [InlineData("＋８６ １３８　０５３１　２２６６", "13805312266")]
    [InlineData("138  0531--2266", "13805312266")]
    [InlineData("幺三八零五三幺二二六六", "13805312266")]
    [InlineData("一三八 零五三一 二二六六", "13805312266")]
    [InlineData("138—0531—2266", "13805312266")]
    [InlineData("零零八六 幺三八零五三幺二二六六", "13805312266")]
    [InlineData("1 3 8 0 5 3 1 2 2 6 6", "13805312266")]
    [InlineData("138.0531.2266", "13805312266")]
    [InlineData("壹叁捌零伍叁壹贰贰陆陆", "13805312266")]
    [InlineData("幺叁捌 0531 2266", "13805312266")]
    public void Reads_every_way_of_writing_a_number(string text, string digits)
    {
        Assert.True(MobileNumber.TryParse(text, out var number));
        Assert.Equal(digits, number.Digits);
        Assert.Equal(digits, MobileNumber.Find($"电话：{text}，谢谢")?.Digits);
        Assert.Equal("138****2266", number.Masked);
    }

    [Theory]
    [InlineData("138053122661")]
    [InlineData("12805312266")]
    [InlineData("1380531226")]
    [InlineData("HX-20261123-0001")]
    [InlineData("工号 20261123001")]
    [InlineData("0531-13805312266-1")]
    [InlineData("一三八零五三一二二六")]
    [InlineData("1 3 8 0 5 3 1 2 2 6")]
    [InlineData("价格 138.05 元，数量 3122661")]
    public void Is_not_fooled_by_other_digit_runs(string text)
    {
        Assert.Null(MobileNumber.Find(text));
        Assert.Equal(text, MobileNumber.MaskAll(text));
    }

    [Fact]
    public void Masking_keeps_the_text_around_each_number()
    {
        Assert.Equal("请打 +86 138****2266 或 139****7788。", MobileNumber.MaskAll("请打 +86 138 0531 2266 或 １３９０５３１７７８８。"));
    }

    /// <summary>Random numbers written the ways people write them, inside Chinese text: when the extractor reads one,
    /// masking shows it as 138****2266, whichever way it was written.</summary>
    [Fact]
    public void Masking_recognises_every_number_the_extractor_reads()
    {
        var extractor = new PhoneExtractor();
        string[] prefixes = ["", "+86", "+86 ", "0086 ", "0086-", "86-", "(+86)", "（+86）", "＋８６ ", "86"];
        string[] separators = ["", "", "", " ", "-", "  ", "- ", "　", "－", "—"];
        const string chinese = "零一二三四五六七八九";
        var written = Gen.Select(Gen.Int[3, 9], Gen.Long[0, 999_999_999], Gen.Int[0, prefixes.Length - 1], Gen.Int, Gen.Int[0, 2])
            .Select((second, rest, prefix, seed, style) =>
            {
                var digits = $"1{second}{rest:D9}";
                var random = new Random(seed);
                var text = new StringBuilder(prefixes[prefix]);
                for (var i = 0; i < digits.Length; i++)
                {
                    var d = digits[i] - '0';
                    text.Append(style switch
                    {
                        0 => digits[i],
                        1 => (char)('０' + d),
                        _ => d == 1 && random.Next(2) == 0 ? '幺' : chinese[d],
                    });
                    if (i is 2 or 6 || random.Next(8) == 0)
                    {
                        text.Append(separators[random.Next(separators.Length)]);
                    }
                }
                return (Digits: digits, Text: $"我的电话{text.ToString().TrimEnd('-', '－', ' ', '　')}，快来");
            });

        var read = 0;
        written.Sample(sample =>
        {
            if (extractor.Extract(TextNormalizer.Normalize(sample.Text))?.Value != sample.Digits)
            {
                return;
            }
            read++;
            var masked = MobileNumber.MaskAll(sample.Text);
            Assert.Contains($"{sample.Digits[..3]}****{sample.Digits[^4..]}", masked);
            Assert.DoesNotContain(sample.Text[(sample.Text.IndexOf("电话") + 2)..sample.Text.IndexOf('，')], masked);
        }, iter: 2000, threads: 1);
        // Most generated forms are ones the extractor reads, so the property was checked, not skipped.
        Assert.True(read > 1500, $"the extractor read only {read} of 2000");
    }
}
